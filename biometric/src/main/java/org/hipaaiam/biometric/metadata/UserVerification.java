package org.hipaaiam.biometric.metadata;

import java.util.List;
import com.webauthn4j.data.UserVerificationMethod;
import com.webauthn4j.metadata.data.statement.VerificationMethodANDCombinations;
import com.webauthn4j.metadata.data.statement.VerificationMethodDescriptor;

/**
 * What a successful user verification by a model proves, from its certified metadata. The server only learns
 * "verified" (the UV flag), never how: a fingerprint is proven only when every way the model can verify a user
 * includes the fingerprint sensor. A model that also accepts a device PIN instead proves a user's verification,
 * not a finger (RFC 8176 `user`).
 */
public enum UserVerification {

    /** Every alternative includes `fingerprint_internal`: `amr` `fpt` + `hwk`. */
    FINGERPRINT(List.of("fpt", "hwk")),
    /** Some alternative lacks the fingerprint (device PIN, face, ...), or the metadata says nothing: `hwk` + `user`. */
    USER_VERIFIED(List.of("hwk", "user"));

    private final List<String> amr;

    UserVerification(List<String> amr) {
        this.amr = amr;
    }

    /** The RFC 8176 authentication method references a token may claim for a sign-in with this model. */
    public List<String> amr() {
        return amr;
    }

    public static UserVerification of(List<VerificationMethodANDCombinations> alternatives) {
        if (alternatives == null || alternatives.isEmpty()) {
            return USER_VERIFIED;
        }
        boolean everyOneHasFinger = alternatives.stream().allMatch(all -> all != null && all.stream()
                .map(VerificationMethodDescriptor::getUserVerificationMethod)
                .anyMatch(UserVerificationMethod.FINGERPRINT_INTERNAL::equals));
        return everyOneHasFinger ? FINGERPRINT : USER_VERIFIED;
    }
}
