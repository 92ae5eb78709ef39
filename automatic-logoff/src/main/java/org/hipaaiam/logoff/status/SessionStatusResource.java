package org.hipaaiam.logoff.status;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.hipaaiam.logoff.walkaway.WalkAwayResource;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.cors.Cors;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * `/realms/{realm}/hipaa-session/`: the session status an app asks with its user's access token (`GET status`),
 * the user activity the idle-lock script reports (`POST activity`), the script itself (`GET idle-lock.js`) and the
 * reader agents' walk-away messages (`POST walk-away`).
 * A token answers for its own session only; a locked session is not revived by activity, only by the unlock.
 * Called from the app's pages, so answers carry CORS headers for the origins the token's client allows.
 */
public final class SessionStatusResource {

    static final String API = "hipaa-session";
    private static final String SCRIPT = "/hipaa-idle-lock/idle-lock.js";
    private final KeycloakSession session;
    private final RealmModel realm;

    SessionStatusResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Path("status")
    public Response status() {
        return answer("status", false);
    }

    @POST
    @Path("activity")
    public Response activity() {
        return answer("activity", true);
    }

    @OPTIONS
    @Path("{any:status|activity}")
    public Response preflight() {
        return Cors.builder().auth().allowedMethods("GET", "POST").preflight().add(Response.ok());
    }

    /** The reader agent's walk-away messages. */
    @Path("walk-away")
    public WalkAwayResource walkAway() {
        return new WalkAwayResource(session, API);
    }

    /** The idle-lock script, an ES module any app page may load (it holds no secret). */
    @GET
    @Path("idle-lock.js")
    public Response script() {
        try (InputStream script = SessionStatusResource.class.getResourceAsStream(SCRIPT)) {
            return Response.ok(script.readAllBytes(), "text/javascript; charset=utf-8")
                    .header("Access-Control-Allow-Origin", "*")
                    .header("Cache-Control", "max-age=300")
                    .header("X-Content-Type-Options", "nosniff")
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response answer(String path, boolean activity) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null) {
            return refused(path, Refusal.unauthenticated("a valid access token of this realm is required; an ended session has none"));
        }
        if (!BundleScope.policiesApply(realm)) {
            return refused(path, Refusal.notFound("this realm has no idle policies"));
        }
        long now = Time.currentTime();
        SessionIdle idle = SessionIdle.of(session, realm, auth.getSession());
        IdleState state = idle.state(now);
        SessionStatus answer = switch (state.status()) {
            case ACTIVE -> {
                if (activity) {
                    idle.recordActivity(now);
                    state = idle.state(now);
                }
                yield SessionStatus.of(idle, state);
            }
            case LOCKED -> {
                IdleOutcomes.lock(session, realm, idle, state, IdleOutcomes.Trigger.IDLE);
                yield SessionStatus.of(idle, idle.state(now));
            }
            case ENDED -> {
                IdleOutcomes.end(session, realm, idle, state, IdleOutcomes.Trigger.IDLE);
                yield SessionStatus.ended(now);
            }
        };
        return Cors.builder().auth().allowedMethods("GET", "POST").checkAllowedOrigins(auth.getToken())
                .add(Response.ok(answer, MediaType.APPLICATION_JSON_TYPE));
    }

    private Response refused(String path, Refusal refusal) {
        AuditEvents.refused(session, realm, API, path, refusal).error(refusal.code());
        return Cors.builder().allowAllOrigins().allowedMethods("GET", "POST").add(Response.fromResponse(refusal.answer()));
    }
}
