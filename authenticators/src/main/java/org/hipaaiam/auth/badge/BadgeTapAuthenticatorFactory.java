package org.hipaaiam.auth.badge;

import org.keycloak.models.KeycloakSessionFactory;

/**
 * `hipaa-badge-tap`: the badge tap step. A badge number is an identifier, so the shipped flow gives this step no
 * AMR value; the PIN step after it contributes `pwd`. SPI option `key-file`: see {@link BadgeKeyFile}.
 */
public final class BadgeTapAuthenticatorFactory extends BadgeFlowStepFactory {

    public static final String ID = "hipaa-badge-tap";

    public BadgeTapAuthenticatorFactory() {
        super(ID, new BadgeTapAuthenticator(), "Badge tap (HIPAA)",
                "Identifies the user by a badge tapped on a keyboard-wedge reader or a reader's signed tap assertion.", null);
    }

    /** Reads the badge key at start (creating it only in development), so a missing or bad key file stops the server rather than a sign-in. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        BadgeKeyFile.key();
    }
}
