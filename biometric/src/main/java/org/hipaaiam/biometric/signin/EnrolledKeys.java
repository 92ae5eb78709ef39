package org.hipaaiam.biometric.signin;

import java.util.List;
import java.util.Optional;
import org.hipaaiam.biometric.enrolment.EnrolmentFacts;
import org.hipaaiam.biometric.enrolment.FingerprintEnrolments;
import org.keycloak.common.util.Base64Url;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * A user's keys the fingerprint step asks for: WebAuthn credentials enrolled through the bundle (their enrolment
 * facts kept). A key registered any other way (Keycloak's own passkey registration) is not among them.
 */
record EnrolledKeys(List<EnrolmentFacts> keys) {

    static EnrolledKeys of(UserModel user) {
        FingerprintEnrolments enrolments = FingerprintEnrolments.of(user);
        return new EnrolledKeys(user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_TWOFACTOR)
                .map(WebAuthnCredentialModel::createFromCredentialModel)
                .map(credential -> Base64Url.encodeBase64ToBase64Url(credential.getWebAuthnCredentialData().getCredentialId()))
                .map(enrolments::of)
                .flatMap(Optional::stream)
                .toList());
    }

    boolean none() {
        return keys.isEmpty();
    }

    /** The enrolled key with this credential id (base64url), if it is one. */
    Optional<EnrolmentFacts> find(String credentialId) {
        return keys.stream().filter(key -> key.credentialId().equals(credentialId)).findFirst();
    }

    List<String> credentialIds() {
        return keys.stream().map(EnrolmentFacts::credentialId).toList();
    }
}
