package org.hipaaiam.biometric.enrolment;

import java.io.IOException;
import java.util.Optional;
import org.keycloak.common.util.Base64Url;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.util.JsonSerialization;

/**
 * What each of a user's fingerprint credentials proved at enrolment, one user attribute per credential
 * ({@value #PREFIX}`<credential id>` = JSON), kept only while the credential exists.
 */
public final class FingerprintEnrolments {

    public static final String PREFIX = "hipaa.fingerprint.";

    private final UserModel user;

    private FingerprintEnrolments(UserModel user) {
        this.user = user;
    }

    public static FingerprintEnrolments of(UserModel user) {
        return new FingerprintEnrolments(user);
    }

    /** Keeps the facts if the registration they belong to became a credential of the user. */
    public boolean keep(EnrolmentFacts facts) {
        boolean created = user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_TWOFACTOR)
                .map(WebAuthnCredentialModel::createFromCredentialModel)
                .anyMatch(credential -> facts.credentialId().equals(
                        Base64Url.encodeBase64ToBase64Url(credential.getWebAuthnCredentialData().getCredentialId())));
        if (!created) {
            return false;
        }
        try {
            user.setSingleAttribute(PREFIX + facts.credentialId(), JsonSerialization.writeValueAsString(facts));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return true;
    }

    /** Drops the facts of a credential that is gone. */
    public void forget(String credentialId) {
        user.removeAttribute(PREFIX + credentialId);
    }

    public Optional<EnrolmentFacts> of(String credentialId) {
        String json = user.getFirstAttribute(PREFIX + credentialId);
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(JsonSerialization.readValue(json, EnrolmentFacts.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }
}
