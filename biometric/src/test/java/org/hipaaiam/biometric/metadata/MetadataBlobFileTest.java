package org.hipaaiam.biometric.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hipaaiam.testfixtures.TestMetadataService;

/** The BLOB is trusted only with a good signature by a signer that chains to the FIDO root and is not revoked. */
class MetadataBlobFileTest {

    private static final String KEY = "01020304-0506-0708-0102-030405060708";
    private static final String NEXT_UPDATE = "2099-01-01";

    private static TestMetadataService fido;
    private static List<Map<String, Object>> entries;

    @TempDir
    Path dir;

    @BeforeAll
    static void service() throws Exception {
        fido = new TestMetadataService("Test FIDO");
        entries = List.of(fido.entry(KEY, List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01")),
                List.of(List.of(TestMetadataService.FINGERPRINT))));
    }

    @Test
    void aBlobSignedByTheRootsSignerIsRead() throws Exception {
        Path blob = write(fido.blob(17, NEXT_UPDATE, entries));
        TrustedMetadata metadata = new MetadataBlobFile(blob, fido.root, Revocation.fromCrlFiles(List.of(fido.crl(dir.resolve("root.crl"))))).read();
        assertEquals(17, metadata.number());
        assertTrue(metadata.verdict(UUID.fromString(KEY), LocalDate.of(2026, 12, 2)).admitted().isPresent());
    }

    @Test
    void aChangedPayloadIsRefused() throws Exception {
        String[] parts = fido.blob(17, NEXT_UPDATE, entries).split("\\.");
        String other = fido.blob(18, NEXT_UPDATE, entries).split("\\.")[1];
        Path blob = write(parts[0] + "." + other + "." + parts[2]);
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(blob, fido.root, Revocation.off()).read());
        assertTrue(refused.getMessage().contains("signature"), refused.getMessage());
    }

    @Test
    void aBlobSignedUnderAnotherRootIsRefused() throws Exception {
        TestMetadataService impostor = new TestMetadataService("Impostor");
        Path blob = write(impostor.blob(99, NEXT_UPDATE, entries));
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(blob, fido.root, Revocation.off()).read());
        assertTrue(refused.getMessage().contains("does not chain"), refused.getMessage());
    }

    @Test
    void aSignerWithTheRootsNameButAnotherKeyIsRefused() throws Exception {
        KeyPair otherKey = TestMetadataService.rsa();
        X509Certificate forged = TestMetadataService.certificate("CN=Test FIDO BLOB Signer", fido.signerKey,
                "CN=Test FIDO Root", otherKey.getPrivate(), false, 2);
        Path blob = write(fido.blob(17, NEXT_UPDATE, entries, fido.signerKey.getPrivate(), forged));
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(blob, fido.root, Revocation.off()).read());
        assertTrue(refused.getMessage().contains("signature check failed"), refused.getMessage());
    }

    @Test
    void aRevokedSignerIsRefused() throws Exception {
        Path blob = write(fido.blob(17, NEXT_UPDATE, entries));
        Path crl = fido.crl(dir.resolve("root.crl"), fido.signer.getSerialNumber());
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(blob, fido.root, Revocation.fromCrlFiles(List.of(crl))).read());
        assertTrue(refused.getMessage().contains("has been revoked"), refused.getMessage());
    }

    @Test
    void withRevocationOnACrlOfAnotherIssuerTellsNothingSoTheBlobIsRefused() throws Exception {
        Path blob = write(fido.blob(17, NEXT_UPDATE, entries));
        TestMetadataService other = new TestMetadataService("Other");
        Path crl = other.crl(dir.resolve("other.crl"));
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(blob, fido.root, Revocation.fromCrlFiles(List.of(crl))).read());
        assertTrue(refused.getMessage().contains("Could not determine revocation status"), refused.getMessage());
    }

    @Test
    void revocationOnWithoutAnyCrlFileIsAConfigurationError() {
        MetadataUnavailable refused = assertThrows(MetadataUnavailable.class, () -> Revocation.fromCrlFiles(List.of()));
        assertTrue(refused.getMessage().contains("no CRL"));
    }

    @Test
    void aMissingOrGarbledFileIsRefusedWithItsReason() throws Exception {
        MetadataUnavailable missing = assertThrows(MetadataUnavailable.class,
                () -> new MetadataBlobFile(dir.resolve("absent.jwt"), fido.root, Revocation.off()).read());
        assertTrue(missing.getMessage().startsWith("no FIDO metadata BLOB"));
        Path garbled = write("not a JWS at all");
        assertThrows(MetadataUnavailable.class, () -> new MetadataBlobFile(garbled, fido.root, Revocation.off()).read());
    }

    private Path write(String blob) throws Exception {
        Path file = Files.createTempFile(dir, "blob", ".jwt");
        Files.writeString(file, blob);
        return file;
    }
}
