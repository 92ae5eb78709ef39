package org.hipaaiam.it.support;

import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.hipaaiam.testfixtures.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;



/**
 * The SIEM of the integration tests: a real rsyslog receiving RFC 5425 syslog over TLS on 127.0.0.1:6515.
 * Its CA must exist before Keycloak starts, since the forwarder reads its trust store at start-up.
 */
public final class TestSiem {

    public static final int PORT = 6515;
    public static final Path ROOT = AuditTrail.ROOT.resolve("siem");
    public static final Path CURSOR = AuditTrail.ROOT.resolve("siem-cursor");
    private static TestCertificates certificates;

    private TestSiem() {
    }

    public static synchronized Path trustStore() {
        try {
            if (certificates == null) {
                certificates = TestCertificates.create(ROOT.resolve("certs-" + ProcessHandle.current().pid()), TestCertificates.LOOPBACK);
            }
            return certificates.caPem();
        } catch (IOException | InterruptedException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Test SIEM certificates could not be made", e);
        }
    }

    public static boolean installed() {
        return Files.isExecutable(RsyslogReceiver.RSYSLOGD);
    }

    /** A receiver in a fresh folder, not yet started. */
    public static RsyslogReceiver receiver(String name) throws IOException {
        trustStore();
        return RsyslogReceiver.configure(ROOT.resolve(name + "-" + System.nanoTime()), certificates, "anon", PORT);
    }
}
