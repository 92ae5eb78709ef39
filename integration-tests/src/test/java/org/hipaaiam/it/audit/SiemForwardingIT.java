package org.hipaaiam.it.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.TestSiem;
import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Records reach a real rsyslog over TLS byte for byte, with signed checkpoints; while the SIEM is down
 * sign-in goes on, and what was recorded meanwhile arrives once it is back.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class SiemForwardingIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    AuditScene scene;

    @Test
    void recordsAndCheckpointsReachTheSiemAlsoAfterAnOutage() throws Exception {
        assumeTrue(TestSiem.installed(), "rsyslogd is not installed (apt-get install rsyslog rsyslog-openssl)");
        try (RsyslogReceiver siem = TestSiem.receiver("siem")) {
            siem.start();
            StoredRecord first = failedSignIn("wrong-before-outage");
            RsyslogReceiver.Received received = awaitRecord(siem, first);
            assertArrayEquals(first.bytes(), received.msg(), "the SIEM holds the identical bytes the ledger stores");

            RsyslogReceiver.Received checkpoint = await(siem, r -> "checkpoint".equals(r.msgId()));
            SignedNote note = SignedNote.parse(checkpoint.text());
            assertTrue(NoteSigningKey.read(AuditTrail.SIGNING_KEY).verifierKey().verifies(note),
                    "the checkpoint the SIEM holds verifies with the ledger's key");

            siem.stop();
            long before = System.nanoTime();
            StoredRecord duringOutage = failedSignIn("wrong-during-outage");
            assertTrue(System.nanoTime() - before < Duration.ofSeconds(10).toNanos(), "sign-in does not wait for the SIEM");

            siem.start();
            assertArrayEquals(duringOutage.bytes(), awaitRecord(siem, duringOutage).msg(),
                    "what was recorded during the outage arrives after it");
        }
    }

    private StoredRecord failedSignIn(String password) throws Exception {
        scene.openSignIn().submitPassword(DemoRealm.OTHER_CLINICIAN, password);
        List<StoredRecord> failures = scene.trail().records(r -> "LOGIN_ERROR".equals(r.at("unmapped.keycloak.type"))
                && DemoRealm.OTHER_CLINICIAN.equals(r.at("user.name")));
        assertTrue(!failures.isEmpty());
        return failures.get(failures.size() - 1);
    }

    private static RsyslogReceiver.Received awaitRecord(RsyslogReceiver siem, StoredRecord record) throws Exception {
        String id = (String) record.at("metadata.uid");
        return await(siem, r -> "audit".equals(r.msgId()) && new String(r.msg(), StandardCharsets.UTF_8).contains(id));
    }

    private static RsyslogReceiver.Received await(RsyslogReceiver siem, Predicate<RsyslogReceiver.Received> wanted)
            throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<RsyslogReceiver.Received> found = siem.received().stream().filter(wanted).findFirst();
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Nothing matching reached the SIEM within " + WAIT.toSeconds() + " s; received: "
                + siem.received().size() + " messages");
    }
}
