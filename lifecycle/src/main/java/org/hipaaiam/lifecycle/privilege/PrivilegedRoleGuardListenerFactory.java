package org.hipaaiam.lifecycle.privilege;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** `hipaa-privileged-role-guard`, global to all realms: privileged roles stay with `adm-` accounts. */
public final class PrivilegedRoleGuardListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "hipaa-privileged-role-guard";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new PrivilegedRoleGuardListener(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
