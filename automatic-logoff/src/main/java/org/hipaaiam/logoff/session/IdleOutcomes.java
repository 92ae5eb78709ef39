package org.hipaaiam.logoff.session;

import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.SessionNotes;
import org.hipaaiam.logoff.vocabulary.LogoffEvents;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/** What happens to a session past its limits, each audited once: locked, or ended with every app told. */
public final class IdleOutcomes {

    /** What moved the session: its idle time, or its user's badge leaving the workstation. */
    public enum Trigger {
        IDLE("idle"), WALK_AWAY("walk-away");

        private final String wireName;

        Trigger(String wireName) {
            this.wireName = wireName;
        }
    }

    private static final String ENDED_PREFIX = "hipaa.idle.ended:";
    /** Longer than any request or sweep that could still find the session. */
    private static final long CLAIM_SECONDS = 3600;

    private IdleOutcomes() {
    }

    /** Locks the session (once) and records it; the lock time is when the policy locked it, not when it was noticed. */
    public static void lock(KeycloakSession session, RealmModel realm, SessionIdle idle, IdleState state, Trigger trigger) {
        long at = trigger == Trigger.IDLE ? state.lockAt().orElse(state.now()) : state.now();
        if (idle.lock(at)) {
            event(session, realm, idle, state, trigger).event(EventType.RESTART_AUTHENTICATION)
                    .detail(AuditDetails.HIPAA_EVENT, LogoffEvents.SESSION_LOCKED).success();
        }
    }

    /**
     * Ends the session with back-channel logout to every OIDC and SAML client in it; one record per ended session,
     * however many nodes and requests find it ended at once (the first to claim it in the cluster-wide store does it).
     */
    public static void end(KeycloakSession session, RealmModel realm, SessionIdle idle, IdleState state, Trigger trigger) {
        UserSessionModel userSession = idle.userSession();
        if (!session.singleUseObjects().putIfAbsent(ENDED_PREFIX + userSession.getId(), CLAIM_SECONDS)) {
            return;
        }
        event(session, realm, idle, state, trigger).event(EventType.LOGOUT)
                .detail(AuditDetails.HIPAA_EVENT, LogoffEvents.AUTOMATIC_LOGOFF).success();
        AuthenticationManager.backchannelLogout(session, userSession, true);
    }

    /** The unlock: recorded as a sign-in inside the same session. */
    public static void unlocked(KeycloakSession session, RealmModel realm, SessionIdle idle, IdleState state) {
        event(session, realm, idle, state, Trigger.IDLE).event(EventType.LOGIN)
                .detail(AuditDetails.HIPAA_EVENT, LogoffEvents.SESSION_UNLOCKED).success();
    }

    private static EventBuilder event(KeycloakSession session, RealmModel realm, SessionIdle idle, IdleState state, Trigger trigger) {
        UserSessionModel userSession = idle.userSession();
        EventBuilder event = new EventBuilder(realm, session, ServerSideRequest.connectionOf(session.getContext()))
                .user(userSession.getUser())
                .session(userSession)
                .detail(LogoffEvents.TRIGGER, trigger.wireName)
                .detail(LogoffEvents.SESSION_CLASS, idle.sessionClass().note())
                .detail(LogoffEvents.IDLE_SECONDS, Long.toString(state.idleSeconds()))
                .detail(LogoffEvents.POLICY, idle.policy().text());
        String workstation = userSession.getNote(SessionNotes.WORKSTATION_ID);
        return workstation == null ? event : event.detail(BadgeEvents.WORKSTATION, workstation);
    }
}
