package org.hipaaiam.lifecycle.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.hipaaiam.lifecycle.dormant.DormantAccounts;
import org.hipaaiam.lifecycle.revocation.AccountChanges;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.DisabledAccount;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;

/**
 * `/realms/{realm}/hipaa-dormant-accounts`: `GET` lists the enabled accounts without a sign-in for
 * `hipaa.dormant.days` (exempt accounts excepted), for anyone who may view users; `POST` with `{"confirm": true}`
 * disables them and ends their sessions, for anyone who may manage users.
 */
public final class DormantAccountsResource {

    private final LifecycleApi api;

    DormantAccountsResource(KeycloakSession session) {
        this.api = new LifecycleApi(session, BundleApi.DORMANT_ACCOUNTS);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list() {
        return api.answer("", caller -> {
            caller.requireRealmManagementRole(AdminRoles.VIEW_USERS);
            return DormantAnswer.of(days(), DormantAccounts.inRealm(api.session, api.realm, api.settings), null);
        });
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response disable(byte[] body) {
        return api.answer("", caller -> {
            caller.requireRealmManagementRole(AdminRoles.MANAGE_USERS);
            if (!confirmed(body)) {
                throw LifecycleApi.confirmationRequired("disabling dormant accounts needs the body {\"confirm\": true}");
            }
            List<DormantAccounts.Dormant> dormant = DormantAccounts.inRealm(api.session, api.realm, api.settings);
            AccountChanges changes = new AccountChanges(caller::adminEvent);
            List<DisabledAccount> disabled = changes.disableEach(api.session, api.realm, dormant.stream()
                    .map(account -> new AccountChanges.Target(account.username(), "dormant " + account.idleDays() + " days")).toList(),
                    DisableTrigger.DORMANT, Map.of());
            changes.ran(api.session, api.realm, BundleApi.DORMANT_ACCOUNTS.path(), "disable", Map.of("disabled", disabled.size()), DisableTrigger.DORMANT,
                    Map.of("mode", "apply"));
            return DormantAnswer.of(days(), dormant, disabled);
        });
    }

    private long days() {
        return api.settings.get(LifecycleSettings.DORMANT_DAYS);
    }

    /** Only the JSON `true` confirms: an empty body, `"true"` or `1` do not. */
    private static boolean confirmed(byte[] body) {
        if (body == null || body.length == 0) {
            return false;
        }
        JsonNode confirm = JsonBody.object(body).path("confirm");
        return confirm.isBoolean() && confirm.asBoolean();
    }
}
