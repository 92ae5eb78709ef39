package org.hipaaiam.lifecycle.privilege;

import org.hipaaiam.core.provider.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

/** `hipaa-privileged-role-guard`: privileged roles stay with `adm-` accounts in realms where the bundle's policies apply. */
public final class PrivilegedRoleGuardListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-privileged-role-guard";

    public PrivilegedRoleGuardListenerFactory() {
        super(ID);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return onAdminEvents(event -> PrivilegedRoleGuard.onAdminEvent(session, event));
    }
}
