package org.hipaaiam.biometric.enrolment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.RegistrationRequest;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import org.hipaaiam.biometric.enrolment.TestAuthenticator.Attestation;
import org.hipaaiam.biometric.metadata.CurrentMetadata;
import org.hipaaiam.biometric.metadata.MetadataBlobFile;
import org.hipaaiam.biometric.metadata.Revocation;
import org.hipaaiam.biometric.metadata.UserVerification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hipaaiam.testfixtures.TestMetadataService;

/** A registration becomes a fingerprint credential only with a full attestation that the model's own roots vouch for. */
class EnrolmentTrustTest {

    private static final UUID FINGER_KEY = UUID.fromString("33333333-0000-0000-0000-000000000001");
    private static final UUID OTHER_VENDORS_KEY = UUID.fromString("33333333-0000-0000-0000-000000000002");
    private static final UUID REVOKED_KEY = UUID.fromString("33333333-0000-0000-0000-000000000003");
    private static final UUID UNLISTED_KEY = UUID.fromString("33333333-0000-0000-0000-000000000004");
    private static final byte[] CHALLENGE = "enrolment-challenge-0123456789ab".getBytes();

    private static TestMetadataService fido;
    private static TestMetadataService otherVendor;
    private static EnrolmentTrust trust;

    @BeforeAll
    static void metadata(@TempDir Path dir) throws Exception {
        fido = new TestMetadataService("Test FIDO");
        otherVendor = new TestMetadataService("Other Vendor");
        List<List<String>> finger = List.of(List.of(TestMetadataService.FINGERPRINT));
        List<List<String>> certified = List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01"));
        Path blob = dir.resolve("blob.jwt");
        Files.writeString(blob, fido.blob(7, "2099-01-01", List.of(
                fido.entry(FINGER_KEY.toString(), certified, finger),
                otherVendor.entry(OTHER_VENDORS_KEY.toString(), certified, finger),
                fido.entry(REVOKED_KEY.toString(), List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01"),
                        List.of("REVOKED", "2026-01-01")), finger))));
        CurrentMetadata current = new CurrentMetadata(blob, new MetadataBlobFile(blob, fido.root, Revocation.off()),
                Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC));
        trust = new EnrolmentTrust(current);
    }

    private static RegistrationParameters expected(byte[] challenge) {
        return new RegistrationParameters(new ServerProperty(new Origin(TestAuthenticator.ORIGIN), TestAuthenticator.RP_ID,
                new DefaultChallenge(challenge)), true, true);
    }

    private static EnrolmentRefused refused(RegistrationRequest request) {
        return assertThrows(EnrolmentRefused.class, () -> trust.verify(request, expected(CHALLENGE)));
    }

    @Test
    void aCertifiedModelWithItsVendorsAttestationEnrolsAndItsFactsAreKept() throws Exception {
        TestAuthenticator key = new TestAuthenticator(FINGER_KEY, fido);
        EnrolmentFacts facts = trust.verify(key.register(CHALLENGE, true, Attestation.PACKED), expected(CHALLENGE));
        assertEquals(FINGER_KEY, facts.aaguid());
        assertEquals("packed", facts.attestationFormat());
        assertEquals(7, facts.metadataNumber());
        assertEquals("FIDO_CERTIFIED_L1", facts.certificationStatus());
        assertEquals(UserVerification.FINGERPRINT, facts.userVerification());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.attestationCertificate().getEncoded())),
                facts.attestationCertificateSha256());
    }

    @Test
    void withoutUserVerificationItIsRefused() throws Exception {
        EnrolmentRefused refused = refused(new TestAuthenticator(FINGER_KEY, fido).register(CHALLENGE, false, Attestation.PACKED));
        assertTrue(refused.getMessage().contains("UV flag in authenticatorData is not set"), refused.getMessage());
    }

    @Test
    void anotherVendorsRootDoesNotVouchForThisModel() throws Exception {
        // The other vendor's root is trusted, but for its own model only: it cannot certify a key claiming FINGER_KEY.
        EnrolmentRefused refused = refused(new TestAuthenticator(FINGER_KEY, otherVendor).register(CHALLENGE, true, Attestation.PACKED));
        assertTrue(refused.getMessage().contains("invalid cert path"), refused.getMessage());
        trust.verify(new TestAuthenticator(OTHER_VENDORS_KEY, otherVendor).register(CHALLENGE, true, Attestation.PACKED), expected(CHALLENGE));
    }

    @Test
    void noneAndSelfAttestationNameNoTrustedModel() throws Exception {
        TestAuthenticator key = new TestAuthenticator(FINGER_KEY, fido);
        assertTrue(refused(key.register(CHALLENGE, true, Attestation.NONE)).getMessage().contains("format 'none'"));
        assertTrue(refused(key.register(CHALLENGE, true, Attestation.SELF)).getMessage().contains("self attestation"));
    }

    @Test
    void aRevokedOrUnlistedModelIsRefusedWithTheMetadatasReason() throws Exception {
        assertTrue(refused(new TestAuthenticator(REVOKED_KEY, fido).register(CHALLENGE, true, Attestation.PACKED))
                .getMessage().contains("REVOKED"));
        assertTrue(refused(new TestAuthenticator(UNLISTED_KEY, fido).register(CHALLENGE, true, Attestation.PACKED))
                .getMessage().contains("not in the FIDO metadata"));
    }

    @Test
    void aRegistrationForAnotherChallengeIsRefused() throws Exception {
        RegistrationRequest request = new TestAuthenticator(FINGER_KEY, fido).register("another-challenge-0123456789abcd".getBytes(), true, Attestation.PACKED);
        assertTrue(refused(request).getMessage().contains("challenge does not match"));
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        EnrolmentRefused refused = refused(new RegistrationRequest(new byte[] {1, 2, 3}, "{}".getBytes()));
        assertTrue(refused.getMessage().contains("malformed"), refused.getMessage());
    }
}
