package org.hipaaiam.auth.workstation;

import java.util.Optional;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

/**
 * Tap-and-go at a shared workstation: when someone else signs in there, the previous user's session on that
 * workstation ends (with back-channel logout to the apps) and the switch is audited as `badge-switch-user`.
 */
public final class FastUserSwitch {

    private FastUserSwitch() {
    }

    /**
     * Ends the previous user's session on the workstation and records the new one. When the browser itself still
     * holds another user's session (the same browser, sign-in forced with `prompt=login`), that session ends too
     * and a fresh session is returned for the sign-in to attach: Keycloak would otherwise refuse the sign-in as
     * "already authenticated as a different user".
     */
    public static Optional<UserSessionModel> takeOver(KeycloakSession session, RealmModel realm, ClientConnection connection,
                                                      String workstationId, UserModel user, String browserSessionId, String protocol) {
        UserSessionModel inBrowser = session.sessions().getUserSession(realm, browserSessionId);
        boolean browserHoldsSomeoneElse = inBrowser != null && !inBrowser.getUser().getId().equals(user.getId());
        WorkstationSessions sessions = new WorkstationSessions(session, realm);
        Optional<WorkstationSessions.Current> previous = sessions.current(workstationId)
                .filter(current -> !current.userId().equals(user.getId()));
        previous.ifPresent(current -> end(session, realm, connection, workstationId, current.sessionId(), user));
        if (!browserHoldsSomeoneElse) {
            sessions.record(workstationId, user.getId(), browserSessionId);
            return Optional.empty();
        }
        if (previous.isEmpty() || !previous.get().sessionId().equals(browserSessionId)) {
            end(session, realm, connection, workstationId, browserSessionId, user);
        }
        UserSessionModel fresh = new UserSessionManager(session).createUserSession(realm, user, user.getUsername(),
                connection.getRemoteHost(), protocol, false, null, null);
        sessions.record(workstationId, user.getId(), fresh.getId());
        return Optional.of(fresh);
    }

    private static void end(KeycloakSession session, RealmModel realm, ClientConnection connection, String workstationId,
                            String sessionId, UserModel next) {
        UserSessionModel ending = session.sessions().getUserSession(realm, sessionId);
        if (ending == null) {
            return;
        }
        new EventBuilder(realm, session, connection)
                .event(EventType.LOGOUT)
                .user(ending.getUser())
                .session(ending)
                .detail(AuditDetails.HIPAA_EVENT, BadgeEvents.SWITCH_USER)
                .detail(BadgeEvents.WORKSTATION, workstationId)
                .detail(BadgeEvents.NEXT_USER, next.getId())
                .success();
        AuthenticationManager.backchannelLogout(session, ending, true);
    }
}
