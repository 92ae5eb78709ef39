package org.hipaaiam.emergency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * The caller of an emergency-access API: a bearer token of the realm whose user holds the required realm role.
 * Refusals answer `{"error": code, "reason": text}`, change nothing and are audited.
 */
public final class ApiCaller {

    private final KeycloakSession session;
    private final RealmModel realm;
    private AuthResult auth;

    public ApiCaller(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    public UserModel user() {
        return auth.user();
    }

    public String clientId() {
        return auth.client() == null ? null : auth.client().getClientId();
    }

    /** Runs the request for a caller holding the role, turning refusals into audited JSON answers. */
    public Response handle(String requiredRole, String operation, Supplier<Response> request) {
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
            if (auth == null) {
                throw new ApiRefusal(401, "unauthenticated", "a valid bearer token is required");
            }
            RoleModel role = realm.getRole(requiredRole);
            if (role == null || !auth.user().hasRole(role)) {
                throw new ApiRefusal(403, "forbidden", "the caller lacks the realm role " + requiredRole);
            }
            return request.get();
        } catch (ApiRefusal refusal) {
            var event = Audit.event(session, realm, EventType.EXECUTE_ACTIONS_ERROR,
                            refusal.status() == 403 ? HipaaEvents.FORBIDDEN : HipaaEvents.INVALID_REQUEST)
                    .detail("operation", operation)
                    .detail("reason", refusal.getMessage());
            if (auth != null) {
                event.user(auth.user()).client(auth.client());
            }
            event.error(refusal.code());
            return Response.status(refusal.status()).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", refusal.code(), "reason", refusal.getMessage())).build();
        }
    }
}
