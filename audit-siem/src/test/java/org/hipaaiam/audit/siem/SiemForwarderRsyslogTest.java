package org.hipaaiam.audit.siem;

import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.hipaaiam.testfixtures.TestCertificates;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding to a real rsyslog over TLS, through a receiver outage and a forwarder restart. */
class SiemForwarderRsyslogTest {

    @TempDir
    Path root;

    private RsyslogReceiver rsyslog;
    private TestCertificates certificates;
    /** Every record appended, by index. */
    private final Map<Long, byte[]> appended = new HashMap<>();

    @BeforeEach
    void startRsyslog() throws Exception {
        assumeTrue(Files.isExecutable(RsyslogReceiver.RSYSLOGD),
                "rsyslogd not installed: apt-get install -y rsyslog rsyslog-openssl");
        certificates = TestCertificates.create(root.resolve("tls"), TestCertificates.LOOPBACK);
        rsyslog = RsyslogReceiver.configure(root.resolve("rsyslog"), certificates, "anon");
        rsyslog.start();
    }

    @AfterEach
    void stopRsyslog() throws InterruptedException {
        if (rsyslog != null) {
            rsyslog.close();
        }
    }

    private SiemConfig config() {
        return SiemConfig.builder(TestLedger.directory(root), root.resolve("state/siem.cursor"), "127.0.0.1",
                        certificates.caPem())
                .port(rsyslog.port())
                .hostname("kc1.hospital.example")
                .pollInterval(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(100), Duration.ofMillis(800))
                .cursorSave(5, Duration.ofMillis(100))
                .build();
    }

    private void append(AuditLedger ledger, int from, int to) {
        for (int i = from; i < to; i++) {
            byte[] record = TestLedger.record(i);
            appended.put(ledger.append(System.currentTimeMillis(), record).index(), record);
        }
    }

    @Test
    void siemReceivesEveryStoredRecordAndCheckpointThroughAnOutageAndARestart() throws Exception {
        NoteVerifierKey ledgerKey = NoteSigningKey.read(TestLedger.keyFile(root)).verifierKey();
        try (AuditLedger ledger = TestLedger.open(root)) {
            try (SiemForwarder forwarder = SiemForwarder.start(config())) {
                append(ledger, 0, 20);
                forwarder.nudge();
                awaitDelivered(20, ledgerKey);
                assertTrue(forwarder.status().connected());
                assertEquals(0, forwarder.status().entriesBehind());

                rsyslog.stop();
                long started = System.nanoTime();
                append(ledger, 20, 30);
                assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(2),
                        "appends wait for nothing while the SIEM is down");
                Eventually.await("the forwarder notices the outage", () -> !forwarder.status().connected()
                        && forwarder.status().lastError() != null);

                rsyslog.start();
                awaitDelivered(30, ledgerKey);
            }

            append(ledger, 30, 35);
            try (SiemForwarder restarted = SiemForwarder.start(config())) {
                awaitDelivered(35, ledgerKey);
                assertEquals(0, restarted.status().entriesBehind());
            }
        }
        assertEquals(1, copiesOf(0), "a restarted forwarder resumes from its cursor, not from the start");
    }

    @Test
    void forwarderThatDiedBeforeSavingItsCursorResendsRatherThanSkips() throws Exception {
        NoteVerifierKey ledgerKey = NoteSigningKey.read(TestLedger.keyFile(root)).verifierKey();
        Path cursor = config().cursorFile();
        try (AuditLedger ledger = TestLedger.open(root)) {
            try (SiemForwarder forwarder = SiemForwarder.start(config())) {
                append(ledger, 0, 10);
                awaitDelivered(10, ledgerKey);
            }
            byte[] cursorAfterTen = Files.readAllBytes(cursor);
            try (SiemForwarder forwarder = SiemForwarder.start(config())) {
                append(ledger, 10, 20);
                awaitDelivered(20, ledgerKey);
            }
            // As if the process had died after sending records 10-19 but before saving that.
            Files.write(cursor, cursorAfterTen);
            try (SiemForwarder forwarder = SiemForwarder.start(config())) {
                append(ledger, 20, 25);
                awaitDelivered(25, ledgerKey);
            }
        }
        for (long index = 0; index < 25; index++) {
            assertEquals(index >= 10 && index < 20 ? 2 : 1, copiesOf(index), "copies of record " + index);
        }
    }

    private long copiesOf(long index) throws IOException {
        return rsyslog.received().stream().filter(m -> m.msgId().equals("audit") && m.position() == index).count();
    }

    /**
     * Waits until a checkpoint of at least {@code size}, signed by the ledger's key, arrived; then
     * every record below {@code size} must have arrived byte for byte.
     */
    private void awaitDelivered(long size, NoteVerifierKey ledgerKey) throws Exception {
        Eventually.await(size + " records and their checkpoint at the SIEM", () -> checkpointCovering(size, ledgerKey));
        List<RsyslogReceiver.Received> received = rsyslog.received();
        for (long index = 0; index < size; index++) {
            byte[] expected = appended.get(index);
            long wanted = index;
            List<RsyslogReceiver.Received> copies = received.stream()
                    .filter(m -> m.msgId().equals("audit") && m.position() == wanted).toList();
            assertFalse(copies.isEmpty(), "record " + index + " never reached the SIEM");
            for (RsyslogReceiver.Received copy : copies) {
                assertArrayEquals(expected, copy.msg(), "record " + index + " changed on the way");
                assertTrue(copy.structuredData().contains("origin=\"" + TestLedger.KEY_NAME + "/"));
            }
        }
    }

    private boolean checkpointCovering(long size, NoteVerifierKey ledgerKey) throws IOException {
        for (RsyslogReceiver.Received message : rsyslog.received()) {
            if (message.msgId().equals("checkpoint") && message.position() >= size) {
                SignedNote note = SignedNote.parse(message.text());
                assertTrue(ledgerKey.verifies(note), "checkpoint signature does not verify");
                assertEquals(message.position(), Checkpoint.parseBody(note.text()).size());
                return true;
            }
        }
        return false;
    }
}
