package org.hipaaiam.it.support;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.hipaaiam.testfixtures.TestMetadataService;

/**
 * The FIDO metadata the server under test reads (its SPI options name {@link #BLOB} and {@link #ROOT}): a test
 * metadata service publishes BLOBs there, signed under its own root, with statements for Chromium's virtual
 * authenticator. Its one fixed model (AAGUID) attests with a batch certificate of constant subject and key, which
 * serves as the model's attestation root.
 */
public final class TestFido {

    public static final Path BLOB = AuditTrail.ROOT.resolve("fido/mds3-blob.jwt");
    public static final Path ROOT = AuditTrail.ROOT.resolve("fido/fido-root.pem");
    /** The AAGUID of Chromium's virtual authenticator. */
    public static final String CHROMIUM_AAGUID = "01020304-0506-0708-0102-030405060708";

    private static final List<List<String>> CERTIFIED = List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01"));
    private static final List<List<String>> FINGERPRINT_ONLY = List.of(List.of(TestMetadataService.FINGERPRINT));

    private static TestMetadataService service;
    private static int number = 100;

    private TestFido() {
    }

    /** A BLOB in which Chromium's virtual authenticator is a certified fingerprint-only model. */
    public static synchronized void publishChromiumCertified() throws Exception {
        publish(List.of(service().entry(CHROMIUM_AAGUID, CERTIFIED, FINGERPRINT_ONLY, List.of(chromiumBatchCertificate()))));
    }

    /** Chromium's virtual authenticator certified, but verifying a user by fingerprint or by its own PIN. */
    public static synchronized void publishChromiumFingerprintOrPin() throws Exception {
        publish(List.of(service().entry(CHROMIUM_AAGUID, CERTIFIED,
                List.of(List.of(TestMetadataService.FINGERPRINT), List.of(TestMetadataService.PASSCODE)), List.of(chromiumBatchCertificate()))));
    }

    /** Chromium's virtual authenticator certified once, revoked since. */
    public static synchronized void publishChromiumRevoked() throws Exception {
        publish(List.of(service().entry(CHROMIUM_AAGUID, List.of(CERTIFIED.get(0), List.of("REVOKED", "2026-01-01")), FINGERPRINT_ONLY,
                List.of(chromiumBatchCertificate()))));
    }

    /** A BLOB that does not list Chromium's virtual authenticator. */
    public static synchronized void publishWithoutChromium() throws Exception {
        publish(List.of(service().entry("99999999-0000-0000-0000-000000000001", CERTIFIED, FINGERPRINT_ONLY)));
    }

    private static void publish(List<Map<String, Object>> entries) throws Exception {
        Files.createDirectories(BLOB.getParent());
        Files.writeString(ROOT, TestMetadataService.pem(service().root));
        // Written whole, then moved into place: a node never reads half a BLOB. Each BLOB has a higher number.
        Path next = BLOB.resolveSibling("next.jwt");
        Files.writeString(next, service().blob(++number, "2099-01-01", entries));
        Files.move(next, BLOB, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(BLOB, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + number));
    }

    private static TestMetadataService service() throws Exception {
        if (service == null) {
            service = new TestMetadataService("Test FIDO Alliance");
        }
        return service;
    }

    private static X509Certificate chromiumBatchCertificate() throws Exception {
        try (InputStream pem = TestFido.class.getResourceAsStream("/chromium-virtual-authenticator-attestation.pem")) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
        }
    }
}
