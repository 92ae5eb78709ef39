package org.hipaaiam.lifecycle.revocation;

import java.util.List;
import java.util.Map;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Ends every session of an account, as `POST /admin/realms/{r}/users/{id}/logout` does and more: each online
 * session is logged out over the back channel (OIDC and SAML clients with back-channel logout URLs are told),
 * offline sessions are removed, and the user's not-before is set so tokens already issued are refused.
 * The outcome is recorded as a `USER_SESSION_DELETED` event, which the audit listener writes to the ledger.
 */
public final class SessionRevoker {

    public static final String DETAIL_TRIGGER = "revocation_trigger";
    public static final String DETAIL_ONLINE = "online_sessions_ended";
    public static final String DETAIL_OFFLINE = "offline_sessions_ended";

    private static final Logger LOG = Logger.getLogger(SessionRevoker.class);

    private SessionRevoker() {
    }

    public static Revocation revoke(KeycloakSession session, RealmModel realm, UserModel user, DisableTrigger trigger,
            Map<String, String> details) {
        KeycloakContext context = session.getContext();
        int online = 0;
        for (UserSessionModel userSession : session.sessions().getUserSessionsStream(realm, user).toList()) {
            AuthenticationManager.backchannelLogout(session, realm, userSession, context.getUri(), context.getConnection(),
                    context.getRequestHeaders(), true);
            online++;
        }
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(offlineSession -> session.sessions().removeOfflineUserSession(realm, offlineSession));
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());

        Revocation revocation = new Revocation(online, offline.size());
        EventBuilder event = new EventBuilder(realm, session, context.getConnection())
                .event(EventType.USER_SESSION_DELETED)
                .user(user)
                .detail(AuditDetails.REASON, trigger == DisableTrigger.ACCOUNT_DELETED ? "account_deleted" : "account_disabled")
                .detail(DETAIL_TRIGGER, trigger.label())
                .detail(DETAIL_ONLINE, Integer.toString(online))
                .detail(DETAIL_OFFLINE, Integer.toString(offline.size()));
        details.forEach(event::detail);
        event.success();
        LOG.infof("Ended %d online and %d offline sessions of user %s in realm %s (%s)", online, offline.size(), user.getId(),
                realm.getName(), trigger.label());
        return revocation;
    }
}
