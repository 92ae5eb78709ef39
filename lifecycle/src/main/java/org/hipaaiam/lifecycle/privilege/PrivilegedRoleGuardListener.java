package org.hipaaiam.lifecycle.privilege;

import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Reverts privileged role grants to non-`adm-` accounts, directly or through a group they are in, in the
 * grant's own transaction (Keycloak has no veto hook).
 */
final class PrivilegedRoleGuardListener implements EventListenerProvider {

    private final KeycloakSession session;

    PrivilegedRoleGuardListener(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        RoleGrantEvents.grantee(event).ifPresent(userId -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            UserModel user = realm == null ? null : session.users().getUserById(realm, userId);
            if (user != null) {
                PrivilegedRoleGuard.enforce(session, realm, user);
            }
        });
        RoleGrantEvents.groupGrantee(event).ifPresent(groupId -> {
            RealmModel realm = session.realms().getRealm(event.getRealmId());
            GroupModel group = realm == null ? null : session.groups().getGroupById(realm, groupId);
            if (group != null) {
                PrivilegedRoleGuard.enforceOnGroup(session, realm, group);
            }
        });
    }

    @Override
    public void close() {
    }
}
