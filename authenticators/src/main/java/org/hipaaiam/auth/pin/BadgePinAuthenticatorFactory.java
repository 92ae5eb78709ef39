package org.hipaaiam.auth.pin;

import org.hipaaiam.auth.badge.BadgeFlowStepFactory;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * `hipaa-badge-pin`: the PIN step. A PIN the server checks is a memorised secret, so its honest RFC 8176 value is
 * `pwd` (the shipped flow configures that); `pin` would claim it only unlocked a key on a device. Its category
 * is `password`, so brute-force protection counts wrong PINs.
 */
public final class BadgePinAuthenticatorFactory extends BadgeFlowStepFactory {

    public static final String ID = "hipaa-badge-pin";

    public BadgePinAuthenticatorFactory() {
        super(ID, new BadgePinAuthenticator(), "Badge PIN (HIPAA)",
                "Checks the workstation PIN of the user identified by a badge tap.", PasswordCredentialModel.TYPE);
    }
}
