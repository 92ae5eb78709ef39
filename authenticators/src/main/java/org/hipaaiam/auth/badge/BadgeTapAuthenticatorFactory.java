package org.hipaaiam.auth.badge;

import java.util.List;
import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * `hipaa-badge-tap`: the badge tap step. A badge number is an identifier, so the shipped flow gives this step no
 * AMR value; the PIN step after it contributes `pwd`. SPI option `key-file`: see {@link BadgeKeyFile}.
 */
public final class BadgeTapAuthenticatorFactory implements AuthenticatorFactory {

    public static final String ID = "hipaa-badge-tap";
    private static final BadgeTapAuthenticator AUTHENTICATOR = new BadgeTapAuthenticator();

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
        return "Badge tap (HIPAA)";
    }

    @Override
    public String getHelpText() {
        return "Identifies the user by a badge tapped on a keyboard-wedge reader or a reader's signed tap assertion.";
    }

    @Override
    public String getReferenceCategory() {
        return null;
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
        BadgeKeyFile.key();
    }

    @Override
    public void close() {
    }
}
