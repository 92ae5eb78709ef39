package org.hipaaiam.biometric.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import com.webauthn4j.data.UserVerificationMethod;
import com.webauthn4j.metadata.data.statement.VerificationMethodANDCombinations;
import com.webauthn4j.metadata.data.statement.VerificationMethodDescriptor;
import org.junit.jupiter.api.Test;

class UserVerificationTest {

    private static VerificationMethodANDCombinations all(UserVerificationMethod... methods) {
        return new VerificationMethodANDCombinations(Arrays.stream(methods)
                .map(m -> new VerificationMethodDescriptor(m, null, null, null)).toList());
    }

    @Test
    void fingerprintOnlyWhenEveryAlternativeNeedsTheFinger() {
        assertEquals(UserVerification.FINGERPRINT, UserVerification.of(List.of(all(UserVerificationMethod.FINGERPRINT_INTERNAL))));
        assertEquals(UserVerification.FINGERPRINT, UserVerification.of(List.of(
                all(UserVerificationMethod.FINGERPRINT_INTERNAL, UserVerificationMethod.PRESENCE_INTERNAL),
                all(UserVerificationMethod.FINGERPRINT_INTERNAL, UserVerificationMethod.PASSCODE_INTERNAL))));
    }

    @Test
    void aDevicePinOrFaceAlternativeMakesItAUserVerificationOnly() {
        assertEquals(UserVerification.USER_VERIFIED, UserVerification.of(List.of(
                all(UserVerificationMethod.FINGERPRINT_INTERNAL), all(UserVerificationMethod.PASSCODE_INTERNAL))));
        assertEquals(UserVerification.USER_VERIFIED, UserVerification.of(List.of(all(UserVerificationMethod.FACEPRINT_INTERNAL))));
    }

    @Test
    void noStatedMethodsClaimNoFinger() {
        assertEquals(UserVerification.USER_VERIFIED, UserVerification.of(List.of()));
        assertEquals(UserVerification.USER_VERIFIED, UserVerification.of(null));
    }
}
