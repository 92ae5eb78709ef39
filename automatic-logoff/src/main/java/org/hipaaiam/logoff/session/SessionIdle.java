package org.hipaaiam.logoff.session;

import java.util.OptionalLong;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.logoff.policy.IdlePolicy;
import org.hipaaiam.logoff.policy.LogoffPolicies;
import org.hipaaiam.logoff.policy.SessionClass;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

/**
 * One user session under its idle policy. The class, the last user activity and the lock live in the session's
 * notes, so every node sees them and they end with the session. A session without an activity note (started
 * outside the bundle's flow) counts from its start, so it never gets more time than the policy allows.
 */
public final class SessionIdle {

    /** The session's class ({@link SessionClass#note()}). */
    public static final String CLASS = "hipaa.idle.class";
    /** Epoch seconds of the last user activity. */
    public static final String ACTIVE_AT = "hipaa.idle.activeAt";
    /** Epoch seconds the session locked at; absent or empty while unlocked. */
    public static final String LOCKED_AT = "hipaa.idle.lockedAt";
    /** Activity reported within this many seconds of the last one is not written again: one write per interval at most. */
    static final long ACTIVITY_GRANULARITY_SECONDS = 10;

    private final UserSessionModel userSession;
    private final SessionClass sessionClass;
    private final IdlePolicy policy;

    private SessionIdle(UserSessionModel userSession, SessionClass sessionClass, IdlePolicy policy) {
        this.userSession = userSession;
        this.sessionClass = sessionClass;
        this.policy = policy;
    }

    public static SessionIdle of(KeycloakSession session, RealmModel realm, UserSessionModel userSession) {
        SessionClass sessionClass = SessionClass.fromNote(userSession.getNote(CLASS));
        return new SessionIdle(userSession, sessionClass, LogoffPolicies.of(RealmSettings.of(session, realm)).of(sessionClass));
    }

    public IdleState state(long now) {
        return IdleState.of(policy, activeAt(), lockedAt(), now);
    }

    public UserSessionModel userSession() {
        return userSession;
    }

    public SessionClass sessionClass() {
        return sessionClass;
    }

    public IdlePolicy policy() {
        return policy;
    }

    /** Records the lock once; false when it was recorded before (by this node or another). */
    public boolean lock(long at) {
        if (lockedAt().isPresent()) {
            return false;
        }
        userSession.setNote(LOCKED_AT, Long.toString(at));
        return true;
    }

    /** User activity on an active session; a locked or ended one is not revived by it. */
    public void recordActivity(long now) {
        if (state(now).status() == IdleState.Status.ACTIVE && now - activeAt() >= ACTIVITY_GRANULARITY_SECONDS) {
            userSession.setNote(ACTIVE_AT, Long.toString(now));
        }
    }

    private long activeAt() {
        return epochSeconds(userSession.getNote(ACTIVE_AT)).orElse(userSession.getStarted());
    }

    private OptionalLong lockedAt() {
        return epochSeconds(userSession.getNote(LOCKED_AT));
    }

    private static OptionalLong epochSeconds(String note) {
        if (note == null || note.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(note));
        } catch (NumberFormatException unreadable) {
            // a note nobody but the bundle writes; unreadable counts as long ago, which fails closed
            return OptionalLong.of(0);
        }
    }
}
