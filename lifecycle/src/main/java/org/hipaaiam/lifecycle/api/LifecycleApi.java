package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.lifecycle.hrfeed.HrEvents;
import org.hipaaiam.lifecycle.hrfeed.HrNoticeRefused;
import org.hipaaiam.lifecycle.roster.InvalidRoster;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One request to a lifecycle API: the caller authenticated and every refusal audited by core's {@link ApiRequest},
 * answered only in realms where the bundle's policies apply, with the domain's refusals turned into HTTP ones.
 */
final class LifecycleApi {

    final KeycloakSession session;
    final RealmModel realm;
    final RealmSettings settings;
    private final ApiRequest request;

    LifecycleApi(KeycloakSession session, BundleApi api) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.settings = RealmSettings.of(session, realm);
        this.request = new ApiRequest(session, api);
    }

    Response answer(String path, Function<Caller, Object> endpoint) {
        return request.answer(path, caller -> {
            if (!BundleScope.policiesApply(realm)) {
                throw Refusal.notConfigured("the bundle's lifecycle policies are not enabled in this realm (realm attribute "
                        + BundleScope.POLICIES_ENABLED + ")");
            }
            try {
                return endpoint.apply(caller);
            } catch (HrNoticeRefused refused) {
                throw refusal(refused);
            } catch (InvalidRoster invalid) {
                throw malformed(invalid.getMessage());
            }
        });
    }

    /** The codes HR systems already handle; a replayed event is audited with the signature failures. */
    static Refusal refusal(HrNoticeRefused refused) {
        String reason = refused.getMessage();
        Refusal refusal = switch (refused.reason()) {
            case MALFORMED -> malformed(reason);
            case REPLAYED_EVENT -> new Refusal(409, "replayed_event", reason, EventType.INVALID_SIGNATURE_ERROR);
            case UNKNOWN_EMPLOYEE -> new Refusal(404, "unknown_employee", reason, EventType.EXECUTE_ACTIONS_ERROR);
            case ACCOUNT_SEPARATED -> Refusal.conflict("account_separated", reason);
            case NOT_ON_LEAVE -> Refusal.conflict("not_on_leave", reason);
        };
        return refusal.with(HrEvents.DETAIL_EVENT_ID, refused.eventId());
    }

    /** A request that would disable accounts without saying so explicitly. */
    static Refusal confirmationRequired(String reason) {
        return new Refusal(400, "confirmation_required", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    static Refusal malformed(String reason) {
        return new Refusal(400, "malformed_request", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }
}
