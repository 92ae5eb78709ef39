package org.hipaaiam.lifecycle.privilege;

import org.hipaaiam.lifecycle.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;

/** `hipaa-privileged-role-guard`, global to all realms: privileged roles stay with `adm-` accounts. */
public final class PrivilegedRoleGuardListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-privileged-role-guard";

    public PrivilegedRoleGuardListenerFactory() {
        super(ID);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PrivilegedRoleGuardListener(session);
    }
}
