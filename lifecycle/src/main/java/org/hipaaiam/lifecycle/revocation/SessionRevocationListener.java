package org.hipaaiam.lifecycle.revocation;

import java.util.Map;
import org.hipaaiam.core.account.DisabledByLeave;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Ends the sessions of accounts that an admin update (admin API, SCIM, HR feed) or a permanent lockout has
 * just disabled. Runs in the request's transaction, so the revocation commits or rolls back with the disable.
 * An account such an update leaves enabled is no longer its leave's to enable ({@link DisabledByLeave}): an
 * admin who enables it early and locks it again keeps it locked when the leave ends.
 */
final class SessionRevocationListener implements EventListenerProvider {

    private final KeycloakSession session;

    SessionRevocationListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() == EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT && event.getError() == null) {
            revokeIfDisabled(event.getRealmId(), event.getUserId(), DisableTrigger.PERMANENT_LOCKOUT);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        DisabledAccountEvents.candidate(event)
                .ifPresent(candidate -> revokeIfDisabled(event.getRealmId(), candidate.userId(), candidate.trigger()));
    }

    private void revokeIfDisabled(String realmId, String userId, DisableTrigger trigger) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null || userId == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user != null && !user.isEnabled()) {
            SessionRevoker.revoke(session, realm, user, trigger, Map.of());
        } else if (user != null) {
            DisabledByLeave.forget(user);
        }
    }

    @Override
    public void close() {
    }
}
