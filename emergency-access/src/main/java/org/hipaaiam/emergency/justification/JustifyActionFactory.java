package org.hipaaiam.emergency.justification;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Registers the justification action `hipaa-break-glass-justify`. */
public final class JustifyActionFactory implements RequiredActionFactory {

    @Override
    public String getId() {
        return JustifyAction.ID;
    }

    @Override
    public String getDisplayText() {
        return "Justify break-the-glass access";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new JustifyAction(session);
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
