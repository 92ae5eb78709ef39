package org.hipaaiam.emergency.elevation;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers the break-glass elevation action `hipaa-break-glass`. */
public final class BreakGlassActionFactory implements RequiredActionFactory {

    public static final String ID = "hipaa-break-glass";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Break the glass (emergency access)";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return new BreakGlassAction(session);
    }

    /** The re-authentication age is the realm attribute `hipaa.breakGlass.reauthMaxAgeSeconds`, not this action's config. */
    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return List.of();
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
