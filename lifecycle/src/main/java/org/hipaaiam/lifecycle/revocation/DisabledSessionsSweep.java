package org.hipaaiam.lifecycle.revocation;

import java.net.URI;
import java.util.Map;
import org.hipaaiam.core.server.ServerSideRequest;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * The safety net for disable paths that emit no event (Keycloak Workflows' `disable-user` step, LDAP sync,
 * direct database changes): every disabled account that still has an online or offline session has them
 * ended, in every realm. Runs on one node at a time.
 */
public final class DisabledSessionsSweep implements ScheduledTask {

    public static final String NAME = "hipaa-disabled-sessions-sweep";
    private static final Logger LOG = Logger.getLogger(DisabledSessionsSweep.class);

    private final URI serverUrl;

    public DisabledSessionsSweep(URI serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        ServerSideRequest.enter(session.getContext(), serverUrl);
        session.realms().getRealmsStream().toList().forEach(realm -> sweep(session, realm));
    }

    private static void sweep(KeycloakSession session, RealmModel realm) {
        session.getContext().setRealm(realm);
        Map<String, String> disabled = Map.of(UserModel.ENABLED, "false", UserModel.INCLUDE_SERVICE_ACCOUNT, "true");
        for (UserModel account : session.users().searchForUserStream(realm, disabled).toList()) {
            if (!account.isEnabled() && hasSessions(session, realm, account)) {
                SessionRevoker.revoke(session, realm, account, DisableTrigger.DISABLED_ACCOUNT_SWEEP, Map.of());
                LOG.infof("Disabled user %s in realm %s still had sessions; ended them", account.getId(), realm.getName());
            }
        }
    }

    private static boolean hasSessions(KeycloakSession session, RealmModel realm, UserModel account) {
        return session.sessions().getUserSessionsStream(realm, account).findAny().isPresent()
                || session.sessions().getOfflineUserSessionsStream(realm, account).findAny().isPresent();
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
