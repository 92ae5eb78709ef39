package org.hipaaiam.emergency.declared;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * `/realms/{realm}/hipaa-break-glass/emergency`: IAM admins (realm role `iam-admin`) declare a realm-wide
 * emergency with a reason and an end time (`POST {"reason", "until"}`, epoch seconds), end it (`DELETE`), or
 * read it (`GET`). Declaring and ending are audited and alert the Privacy Office.
 */
public final class DeclaredEmergencyResource {

    public static final String ROLE = "iam-admin";
    private static final String PATH = "emergency";

    private final KeycloakSession session;
    private final RealmModel realm;

    public DeclaredEmergencyResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return answer(caller -> status(Time.currentTime()));
    }

    /** Any media type reaches the method, so that a body that is not JSON is refused and audited inside it. */
    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response declare(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return answer(caller -> {
            long now = Time.currentTime();
            EmergencyDeclaration declaration = EmergencyDeclaration.parse(contentType, body, now);
            new DeclaredEmergency(declaration.until(), declaration.reason(), caller.user().getUsername()).writeTo(realm);
            AuditEvents.event(session, realm, EventType.EXECUTE_ACTIONS, BreakGlassEvents.EMERGENCY_DECLARED)
                    .user(caller.user())
                    .detail("until", Long.toString(declaration.until()))
                    .detail(AuditDetails.REASON, declaration.reason())
                    .success();
            return status(now);
        });
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response end() {
        return answer(caller -> {
            long now = Time.currentTime();
            if (!DeclaredEmergency.isDeclaredIn(realm, now)) {
                throw Refusal.conflict("no_emergency", "no declared emergency is active");
            }
            DeclaredEmergency.clear(realm);
            AuditEvents.event(session, realm, EventType.EXECUTE_ACTIONS, BreakGlassEvents.EMERGENCY_ENDED).user(caller.user()).success();
            return status(now);
        });
    }

    private EmergencyStatus status(long nowSeconds) {
        return EmergencyStatus.of(DeclaredEmergency.activeIn(realm, nowSeconds));
    }

    private Response answer(Function<Caller, Object> endpoint) {
        return new ApiRequest(session, BundleApi.BREAK_GLASS).answer(PATH, caller -> endpoint.apply(caller.requireRealmRole(ROLE)));
    }
}
