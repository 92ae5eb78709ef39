package org.hipaaiam.biometric.metadata;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import com.webauthn4j.metadata.data.toc.AuthenticatorStatus;

/**
 * An authenticator model the metadata admits: what enrolment keeps beside the credential (Keycloak keeps none of
 * it) and what a sign-in with it may claim.
 *
 * @param metadataNumber the BLOB's serial number (`no`) the decision was made with
 * @param status the model's current certification status
 * @param attestationRoots the roots its attestation certificates must chain to: per model, never shared
 */
public record AuthenticatorModel(UUID aaguid, String description, int metadataNumber, AuthenticatorStatus status,
                                 List<X509Certificate> attestationRoots, UserVerification userVerification) {

    public AuthenticatorModel {
        attestationRoots = List.copyOf(attestationRoots);
    }
}
