package org.hipaaiam.core.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * One call to one of the bundle's APIs: authenticates the caller with a token issued for this API, runs the
 * endpoint, and turns a {@link Refusal} into the JSON answer `{"error", "reason"}` plus an error event
 * (`hipaa_event=api-refused`, the API, the path, the reason, the caller where known). A refusal changes nothing
 * because endpoints make every check before their first write.
 */
public final class ApiRequest {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final BundleApi api;

    public ApiRequest(KeycloakSession session, BundleApi api) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.api = api;
    }

    /**
     * Answers with what `endpoint` returns: a {@link Response} as it is, `null` as 204, anything else as a
     * 200 JSON body.
     */
    public Response answer(String path, Function<Caller, Object> endpoint) {
        Caller caller = null;
        try {
            caller = Caller.authenticate(session, realm);
            // audited with the token's holder and client: which app's token was tried on this API
            Object answer = endpoint.apply(caller.requireAudience(api).requireSecondFactorOfPeople());
            if (answer instanceof Response response) {
                return response;
            }
            return answer == null ? Response.noContent().build() : Response.ok(answer, MediaType.APPLICATION_JSON_TYPE).build();
        } catch (Refusal refusal) {
            return refused(path, caller, refusal);
        }
    }

    /**
     * The same for an endpoint on one user of the realm: the caller must hold the `realm-management` role, and the
     * user the path names must exist (404 otherwise).
     */
    public Response answerOnUser(String path, String realmManagementRole, String userId, BiFunction<Caller, UserModel, Object> endpoint) {
        return answer(path, caller -> {
            caller.requireRealmManagementRole(realmManagementRole);
            UserModel user = session.users().getUserById(realm, userId);
            if (user == null) {
                throw Refusal.notFound("no user " + userId);
            }
            return endpoint.apply(caller, user);
        });
    }

    private Response refused(String path, Caller caller, Refusal refusal) {
        EventBuilder event = AuditEvents.refused(session, realm, api.path(), path, refusal);
        if (caller != null) {
            event.user(caller.user()).client(caller.client());
        }
        event.error(refusal.code());
        return refusal.answer();
    }
}
