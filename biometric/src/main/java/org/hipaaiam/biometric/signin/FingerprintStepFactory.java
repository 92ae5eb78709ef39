package org.hipaaiam.biometric.signin;

import org.hipaaiam.auth.badge.BadgeFlowStepFactory;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * `hipaa-fingerprint`: the fingerprint after a badge tap, an alternative to the PIN. The shipped flow configures its
 * `amr` as `hwk` (a hardware key was used); what its user verification proved (`fpt` or `user`) depends on the
 * model and is added by the bundle's amr mapper. Failed fingerprints are counted by the step's own biometric limits,
 * not by Keycloak's brute-force protection, whose lockout would also take away the PIN the limits fall back to.
 */
public final class FingerprintStepFactory extends BadgeFlowStepFactory {

    public static final String ID = "hipaa-fingerprint";

    public FingerprintStepFactory() {
        super(ID, new FingerprintStep(), "Fingerprint security key (HIPAA)",
                "After a badge tap: the tapped user's fingerprint key enrolled through the bundle, admitted by current FIDO metadata; the PIN stays offered.",
                WebAuthnCredentialModel.TYPE_TWOFACTOR);
    }
}
