package org.hipaaiam.emergency.draccounts;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** Registers `hipaa-dr-account-rotation`; it must be enabled in the realm (the shipped export does so). */
public final class DrAccountRotationFactory implements RequiredActionFactory {

    public static final String ID = "hipaa-dr-account-rotation";
    private static final DrAccountRotation INSTANCE = new DrAccountRotation();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Emergency account: alert and rotate credentials on every sign-in";
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return INSTANCE;
    }

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
