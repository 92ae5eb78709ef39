package org.hipaaiam.auth.badge;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * `hipaa-badge-tap`: the badge tap step. A badge number is an identifier, so the shipped flow gives this step no
 * AMR value; the PIN step after it contributes `pwd`. SPI option `key-file`: see {@link BadgeKeyFile}.
 */
public final class BadgeTapAuthenticatorFactory extends BadgeFlowStepFactory {

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
    public void postInit(KeycloakSessionFactory factory) {
        BadgeKeyFile.key();
    }

}
