package org.hipaaiam.emergency.declared;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipaaiam.emergency.ApiCaller;
import org.hipaaiam.emergency.ApiRefusal;
import org.hipaaiam.emergency.Audit;
import org.hipaaiam.emergency.HipaaEvents;
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
    /** A declaration lasts at most a week; a longer emergency is declared again, with a fresh reason. */
    static final long MAX_SECONDS = 7 * 24 * 3600;

    private final KeycloakSession session;

    public DeclaredEmergencyResource(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response status() {
        return new ApiCaller(session).handle(ROLE, "emergency-status", () -> Response.ok(view(session.getContext().getRealm())).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response declare(Map<String, Object> body) {
        ApiCaller caller = new ApiCaller(session);
        return caller.handle(ROLE, "emergency-declare", () -> {
            RealmModel realm = session.getContext().getRealm();
            long now = Time.currentTime();
            Object reason = body == null ? null : body.get("reason");
            Object until = body == null ? null : body.get("until");
            if (!(reason instanceof String text) || text.isBlank() || text.length() > 500) {
                throw ApiRefusal.badRequest("reason is required (1-500 characters)");
            }
            if (!(until instanceof Number end) || end.longValue() <= now || end.longValue() > now + MAX_SECONDS) {
                throw ApiRefusal.badRequest("until must be epoch seconds in the future, at most " + MAX_SECONDS + " s ahead");
            }
            new DeclaredEmergency(end.longValue(), text.strip(), caller.user().getUsername()).writeTo(realm);
            Audit.event(session, realm, EventType.EXECUTE_ACTIONS, HipaaEvents.EMERGENCY_DECLARED)
                    .user(caller.user())
                    .detail("until", Long.toString(end.longValue()))
                    .detail("reason", text.strip())
                    .success();
            return Response.ok(view(realm)).build();
        });
    }

    @DELETE
    @Produces(MediaType.APPLICATION_JSON)
    public Response end() {
        ApiCaller caller = new ApiCaller(session);
        return caller.handle(ROLE, "emergency-end", () -> {
            RealmModel realm = session.getContext().getRealm();
            if (!DeclaredEmergency.activeIn(realm, Time.currentTime())) {
                throw new ApiRefusal(409, "no_emergency", "no declared emergency is active");
            }
            DeclaredEmergency.clear(realm);
            Audit.event(session, realm, EventType.EXECUTE_ACTIONS, HipaaEvents.EMERGENCY_ENDED).user(caller.user()).success();
            return Response.ok(view(realm)).build();
        });
    }

    private static Map<String, Object> view(RealmModel realm) {
        Map<String, Object> view = new LinkedHashMap<>();
        long now = Time.currentTime();
        view.put("active", DeclaredEmergency.activeIn(realm, now));
        DeclaredEmergency.of(realm).filter(emergency -> emergency.isActiveAt(now)).ifPresent(emergency -> {
            view.put("until", emergency.until());
            view.put("reason", emergency.reason());
            view.put("by", emergency.by());
        });
        return view;
    }
}
