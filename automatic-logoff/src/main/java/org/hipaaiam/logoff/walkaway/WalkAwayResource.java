package org.hipaaiam.logoff.walkaway;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.hipaaiam.auth.badge.BadgeDirectory;
import org.hipaaiam.auth.badge.BadgeKeyFile;
import org.hipaaiam.auth.badge.BadgeNumber;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.auth.workstation.BadgeLocation;
import org.hipaaiam.auth.workstation.TapAssertion;
import org.hipaaiam.auth.workstation.TapNonces;
import org.hipaaiam.auth.workstation.WorkstationRegistry;
import org.hipaaiam.auth.workstation.WorkstationSessions;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.policy.IdlePolicy;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;

/**
 * `POST /realms/{realm}/hipaa-session/walk-away`: a workstation's reader agent reports that the signed-in user's
 * badge left (a signed `badge-left` message, body the compact JWS). The workstation's current session is locked or
 * ended as its class's policy says (`badge-leaves`). Refused, audited and changing nothing: anything but a valid
 * leave of that workstation's key (a tap sent as a leave, a forged, expired or replayed message, an unknown
 * workstation, one from outside the workstation's network) and a badge that is not the current user's (a passer-by).
 */
@Produces(MediaType.APPLICATION_JSON)
public final class WalkAwayResource {

    private static final String PATH = "walk-away";
    /** A signed leave is a few hundred bytes. */
    private static final int MAX_BYTES = 8 * 1024;
    private final KeycloakSession session;
    private final RealmModel realm;
    private final String api;

    public WalkAwayResource(KeycloakSession session, String api) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.api = api;
    }

    @POST
    public Response leave(byte[] body) {
        try {
            return Response.ok(Map.of("outcome", apply(body))).build();
        } catch (Refusal refusal) {
            AuditEvents.refused(session, realm, api, PATH, refusal).error(refusal.code());
            return refusal.answer();
        }
    }

    private String apply(byte[] body) {
        if (!BundleScope.policiesApply(realm)) {
            throw Refusal.notFound("this realm has no idle policies");
        }
        if (body == null || body.length == 0 || body.length > MAX_BYTES) {
            throw Refusal.invalid("the body must be one signed badge-left message (compact JWS) of at most " + MAX_BYTES + " bytes");
        }
        long now = Time.currentTime();
        TapAssertion.Result result = TapAssertion.verify(new String(body, StandardCharsets.US_ASCII), TapAssertion.Kind.BADGE_LEFT,
                new WorkstationRegistry(session, realm)::find, realm.getName(), now);
        if (result.verified().isEmpty()) {
            String reason = result.refusal().name().toLowerCase(Locale.ROOT);
            throw result.refusal() == TapAssertion.Refusal.MALFORMED || result.refusal() == TapAssertion.Refusal.WRONG_KIND
                    ? Refusal.invalid(reason) : Refusal.unauthenticated(reason);
        }
        TapAssertion.Verified leave = result.verified().get();
        String workstation = leave.workstation().id();
        if (!leave.workstation().comesFrom(BadgeLocation.address(session.getContext().getConnection().getRemoteAddr()))) {
            throw Refusal.forbidden("wrong_network").with(BadgeEvents.WORKSTATION, workstation);
        }
        if (!TapNonces.spend(session, realm, leave, now)) {
            throw Refusal.conflict("replayed", "this message was already used").with(BadgeEvents.WORKSTATION, workstation);
        }
        Optional<WorkstationSessions.Current> current = new WorkstationSessions(session, realm).current(workstation);
        UserSessionModel userSession = current.map(c -> session.sessions().getUserSession(realm, c.sessionId())).orElse(null);
        if (userSession == null) {
            throw Refusal.conflict("no_session", "nobody is signed in at this workstation").with(BadgeEvents.WORKSTATION, workstation);
        }
        Optional<UserModel> holder = BadgeNumber.parse(leave.badge())
                .flatMap(badge -> new BadgeDirectory(session, realm, BadgeKeyFile.key()).holderOf(badge));
        if (holder.isEmpty() || !holder.get().getId().equals(userSession.getUser().getId())) {
            // a passer-by's badge near the reader: the signed-in user has not left
            throw Refusal.forbidden("not_current_user").with(BadgeEvents.WORKSTATION, workstation);
        }
        SessionIdle idle = SessionIdle.of(session, realm, userSession);
        IdleState state = idle.state(now);
        if (idle.policy().badgeLeaves() == IdlePolicy.WalkAway.END || state.status() == IdleState.Status.ENDED) {
            IdleOutcomes.end(session, realm, idle, state, IdleOutcomes.Trigger.WALK_AWAY);
            return "ended";
        }
        IdleOutcomes.lock(session, realm, idle, state, IdleOutcomes.Trigger.WALK_AWAY);
        return "locked";
    }
}
