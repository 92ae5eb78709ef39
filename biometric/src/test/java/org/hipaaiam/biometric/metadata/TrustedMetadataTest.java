package org.hipaaiam.biometric.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hipaaiam.testfixtures.TestMetadataService;

/** Which models a checked BLOB admits, and what a sign-in with each may claim. */
class TrustedMetadataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final String FINGER_ONLY = "11111111-0000-0000-0000-000000000001";
    private static final String FINGER_OR_PIN = "11111111-0000-0000-0000-000000000002";
    private static final String REVOKED = "11111111-0000-0000-0000-000000000003";
    private static final String UV_BYPASS_THEN_CERTIFIED = "11111111-0000-0000-0000-000000000004";
    private static final String NOT_CERTIFIED = "11111111-0000-0000-0000-000000000005";
    private static final String CERTIFIED_FROM_NEXT_YEAR = "11111111-0000-0000-0000-000000000006";

    private static TrustedMetadata metadata;

    @BeforeAll
    static void read(@TempDir Path dir) throws Exception {
        TestMetadataService fido = new TestMetadataService("Test FIDO");
        List<List<String>> finger = List.of(List.of(TestMetadataService.FINGERPRINT));
        List<Map<String, Object>> entries = List.of(
                fido.entry(FINGER_ONLY, List.of(List.of("FIDO_CERTIFIED_L2", "2025-03-01")), finger),
                fido.entry(FINGER_OR_PIN, List.of(List.of("FIDO_CERTIFIED_L1", "2025-03-01")),
                        List.of(List.of(TestMetadataService.FINGERPRINT), List.of(TestMetadataService.PASSCODE))),
                fido.entry(REVOKED, List.of(List.of("FIDO_CERTIFIED_L1", "2024-01-01"), List.of("REVOKED", "2026-06-01")), finger),
                fido.entry(UV_BYPASS_THEN_CERTIFIED, List.of(List.of("USER_VERIFICATION_BYPASS", "2024-01-01"),
                        List.of("FIDO_CERTIFIED_L1", "2025-01-01")), finger),
                fido.entry(NOT_CERTIFIED, List.of(List.of("NOT_FIDO_CERTIFIED", "2025-01-01")), finger),
                fido.entry(CERTIFIED_FROM_NEXT_YEAR, List.of(List.of("NOT_FIDO_CERTIFIED", "2025-01-01"),
                        List.of("FIDO_CERTIFIED_L1", "2027-06-01")), finger));
        Path blob = dir.resolve("blob.jwt");
        Files.writeString(blob, fido.blob(42, "2026-12-31", entries));
        metadata = new MetadataBlobFile(blob, fido.root, Revocation.off()).read();
    }

    @Test
    void aCertifiedFingerprintOnlyModelIsAdmittedWithFptAndHwk() {
        AuthenticatorModel model = metadata.verdict(UUID.fromString(FINGER_ONLY), TODAY).admitted().orElseThrow();
        assertEquals(List.of("fpt", "hwk"), model.userVerification().amr());
        assertEquals(42, model.metadataNumber());
        assertEquals(1, model.attestationRoots().size());
        assertTrue(model.description().startsWith("Test key"));
    }

    @Test
    void aModelThatAlsoTakesADevicePinProvesAUserNotAFinger() {
        AuthenticatorModel model = metadata.verdict(UUID.fromString(FINGER_OR_PIN), TODAY).admitted().orElseThrow();
        assertEquals(UserVerification.USER_VERIFIED, model.userVerification());
        assertEquals(List.of("hwk", "user"), model.userVerification().amr());
    }

    @Test
    void aRevokedModelIsRefused() {
        ModelVerdict verdict = metadata.verdict(UUID.fromString(REVOKED), TODAY);
        assertTrue(assertInstanceOf(ModelVerdict.Refused.class, verdict).reason().contains("REVOKED"));
    }

    @Test
    void aModelOnceReportedToBypassUserVerificationStaysRefused() {
        ModelVerdict verdict = metadata.verdict(UUID.fromString(UV_BYPASS_THEN_CERTIFIED), TODAY);
        assertTrue(assertInstanceOf(ModelVerdict.Refused.class, verdict).reason().contains("USER_VERIFICATION_BYPASS"));
    }

    @Test
    void anUncertifiedModelIsRefusedAndACertificationNotYetEffectiveCountsForNothing() {
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(UUID.fromString(NOT_CERTIFIED), TODAY));
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(UUID.fromString(CERTIFIED_FROM_NEXT_YEAR), TODAY));
    }

    @Test
    void aModelAbsentFromTheMetadataIsRefused() {
        ModelVerdict verdict = metadata.verdict(UUID.randomUUID(), TODAY);
        assertTrue(assertInstanceOf(ModelVerdict.Refused.class, verdict).reason().contains("not in the FIDO metadata"));
    }

    @Test
    void staleMetadataAdmitsNothing() {
        LocalDate afterNextUpdate = LocalDate.of(2027, 1, 1);
        assertTrue(metadata.staleOn(afterNextUpdate));
        ModelVerdict verdict = metadata.verdict(UUID.fromString(FINGER_ONLY), afterNextUpdate);
        assertTrue(assertInstanceOf(ModelVerdict.Refused.class, verdict).reason().contains("out of date"));
        assertTrue(metadata.verdict(UUID.fromString(FINGER_ONLY), LocalDate.of(2026, 12, 31)).admitted().isPresent());
    }
}
