package org.hipaaiam.biometric.enrolment;

import java.util.UUID;
import org.hipaaiam.biometric.metadata.UserVerification;

/**
 * What an accepted enrolment proved, kept beside the credential (Keycloak's own WebAuthn registration keeps no
 * attestation): the model, the attestation format and certificate, and the metadata the decision was made with.
 *
 * @param credentialId the credential id, base64url without padding
 * @param attestationCertificateSha256 hex SHA-256 of the attestation certificate's DER, never the certificate itself
 */
public record EnrolmentFacts(String credentialId, UUID aaguid, String model, String attestationFormat, String attestationCertificateSha256,
                             int metadataNumber, String certificationStatus, UserVerification userVerification) {
}
