package org.hipaaiam.audit.siem;

import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.hipaaiam.testfixtures.TestCertificates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit records go only to a receiver that proves it is the configured SIEM, and mutual TLS works. */
class SiemTlsTest {

    private static final int RECORDS = 3;

    @TempDir
    Path root;

    private RsyslogReceiver rsyslog;

    @BeforeEach
    void requireRsyslog() {
        assumeTrue(Files.isExecutable(RsyslogReceiver.RSYSLOGD),
                "rsyslogd not installed: apt-get install -y rsyslog rsyslog-openssl");
    }

    @AfterEach
    void stopRsyslog() throws InterruptedException {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    private void startRsyslog(TestCertificates certificates, String authMode) throws Exception {
        rsyslog = RsyslogReceiver.configure(root.resolve("rsyslog"), certificates, authMode);
        rsyslog.start();
    }

    private SiemConfig.Builder config(Path trustedCa) {
        return SiemConfig.builder(TestLedger.directory(root), root.resolve("siem.cursor"), "127.0.0.1", trustedCa)
                .port(rsyslog.port())
                .pollInterval(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(400));
    }

    /** Appends records, runs a forwarder until it reports a failure, and checks nothing was delivered. */
    private void assertRefused(SiemConfig config, String expectedError) throws Exception {
        try (AuditLedger ledger = TestLedger.open(root); SiemForwarder forwarder = SiemForwarder.start(config)) {
            for (int i = 0; i < RECORDS; i++) {
                ledger.append(System.currentTimeMillis(), TestLedger.record(i));
            }
            Eventually.await("a refused handshake", () -> forwarder.status().lastError() != null
                    && forwarder.status().entriesBehind() == RECORDS);
            ForwarderStatus status = forwarder.status();
            assertFalse(status.connected());
            assertEquals(0, status.recordsSent());
            assertTrue(status.lastError().contains(expectedError), status.lastError());
        }
        assertTrue(rsyslog.received().isEmpty());
    }

    @Test
    void receiverWithACertificateFromAnotherCaGetsNothing() throws Exception {
        TestCertificates siem = TestCertificates.create(root.resolve("tls"), TestCertificates.LOOPBACK);
        TestCertificates impostor = TestCertificates.create(root.resolve("impostor"), TestCertificates.LOOPBACK);
        startRsyslog(impostor, "anon");

        assertRefused(config(siem.caPem()).build(), "PKIX path");
    }

    @Test
    void receiverWithACertificateForAnotherNameGetsNothing() throws Exception {
        TestCertificates otherHost = TestCertificates.create(root.resolve("tls"), "dns:siem.other.example");
        startRsyslog(otherHost, "anon");

        assertRefused(config(otherHost.caPem()).build(), "No subject alternative names matching IP address 127.0.0.1");
    }

    @Test
    void receiverRequiringAClientCertificateAcceptsTheConfiguredOne() throws Exception {
        TestCertificates certificates = TestCertificates.create(root.resolve("tls"), TestCertificates.LOOPBACK);
        Path clientKeys = certificates.clientKeyStore();
        startRsyslog(certificates, "x509/certvalid");
        SiemConfig config = config(certificates.caPem()).clientKeyStore(clientKeys, TestCertificates.PASSWORD).build();

        try (AuditLedger ledger = TestLedger.open(root); SiemForwarder forwarder = SiemForwarder.start(config)) {
            for (int i = 0; i < RECORDS; i++) {
                ledger.append(System.currentTimeMillis(), TestLedger.record(i));
            }
            Eventually.await(RECORDS + " records at the SIEM", () -> rsyslog.received().stream()
                    .filter(m -> m.msgId().equals("audit")).count() >= RECORDS);
        }
        List<RsyslogReceiver.Received> records = rsyslog.received().stream()
                .filter(m -> m.msgId().equals("audit")).toList();
        for (RsyslogReceiver.Received record : records) {
            assertArrayEquals(TestLedger.record((int) record.position()), record.msg());
        }
    }
}
