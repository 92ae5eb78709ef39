package org.hipaaiam.auth.workstation;

import java.util.Optional;
import org.hipaaiam.auth.badge.BadgeSignIn;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Tap-and-go at a shared workstation: when someone else signs in there, the previous user's session on that
 * workstation ends (with back-channel logout to the apps) and the switch is audited as `badge-switch-user`.
 */
public final class FastUserSwitch {

    public static final String EVENT = "badge-switch-user";
    public static final String NEXT_USER = "next_user_id";

    private FastUserSwitch() {
    }

    public static void takeOver(KeycloakSession session, RealmModel realm, ClientConnection connection, String workstationId,
                                UserModel user, String newSessionId) {
        WorkstationSessions sessions = new WorkstationSessions(session, realm);
        Optional<WorkstationSessions.Current> previous = sessions.current(workstationId);
        if (previous.isPresent() && !previous.get().userId().equals(user.getId())
                && !previous.get().sessionId().equals(newSessionId)) {
            UserSessionModel ending = session.sessions().getUserSession(realm, previous.get().sessionId());
            if (ending != null) {
                new EventBuilder(realm, session, connection)
                        .event(EventType.LOGOUT)
                        .user(ending.getUser())
                        .session(ending)
                        .detail(BadgeSignIn.HIPAA_EVENT, EVENT)
                        .detail(BadgeSignIn.WORKSTATION_DETAIL, workstationId)
                        .detail(NEXT_USER, user.getId())
                        .success();
                AuthenticationManager.backchannelLogout(session, ending, true);
            }
        }
        sessions.record(workstationId, user.getId(), newSessionId);
    }
}
