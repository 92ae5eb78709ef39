package org.hipaaiam.auth.pin;

import org.keycloak.authentication.Authenticator;
import org.hipaaiam.auth.badge.BadgeFlowStepFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * `hipaa-badge-pin`: the PIN step. A PIN the server checks is a memorised secret, so its honest RFC 8176 value is
 * `pwd` (the shipped flow configures that); `pin` would claim it only unlocked a key on a device.
 */
public final class BadgePinAuthenticatorFactory extends BadgeFlowStepFactory {

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

}
