package org.hipaaiam.auth.pin;

import java.util.List;
import org.hipaaiam.auth.badge.BadgeSignIn;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * `hipaa-badge-pin`: the PIN step. A PIN the server checks is a memorised secret, so its honest RFC 8176 value is
 * `pwd` (the shipped flow configures that); `pin` would claim it only unlocked a key on a device.
 */
public final class BadgePinAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "hipaa-badge-pin";
    private static final BadgePinAuthenticator AUTHENTICATOR = new BadgePinAuthenticator();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return AUTHENTICATOR;
    }

    @Override
    public String getDisplayType() {
        return "Badge PIN (HIPAA)";
    }

    @Override
    public String getHelpText() {
        return "Checks the workstation PIN of the user identified by a badge tap.";
    }

    /** `password`, so brute-force protection counts wrong PINs. */
    @Override
    public String getReferenceCategory() {
        return PasswordCredentialModel.TYPE;
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return BadgeSignIn.amrConfigProperties();
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {
                AuthenticationExecutionModel.Requirement.REQUIRED, AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
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
