package org.hipaaiam.audit.ledger.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.TestLedgers;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The auditor's commands as an auditor runs them, with their exit codes. */
class LedgerCliTest {

    private static final long HOUR = 3_600_000L;

    @TempDir
    Path root;
    private Path log;
    private Path publicKey;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void writeLedger() throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            for (int i = 0; i < 20; i++) {
                ledger.append(TestLedgers.MARCH_2026 + i * HOUR, TestLedgers.record(i));
            }
        }
        log = TestLedgers.logDirectory(root);
        publicKey = root.resolve("keys").resolve("ledger.vkey");
        Files.writeString(publicKey, NoteSigningKey.read(TestLedgers.keyFile(root)).verifierKey().format());
    }

    @Test
    void verifyOfAnIntactLedgerExitsZeroAndWritesAJsonReport() throws IOException {
        Path json = root.resolve("report.json");
        assertEquals(LedgerCli.VALID, run("verify", log.toString(), "--public-key", publicKey.toString(),
                "--json-report", json.toString()));
        assertTrue(out.toString().startsWith("VALID"), out.toString());
        String report = Files.readString(json);
        assertTrue(report.contains("\"valid\": true") && report.contains("\"entries\": 20"), report);
    }

    @Test
    void verifyOfATamperedLedgerExitsOne() throws IOException {
        Path segment = TestLedgers.entrySegments(root, "2026").get(0);
        byte[] data = Files.readAllBytes(segment);
        data[data.length / 2] ^= 1;
        Files.write(segment, data);
        assertEquals(LedgerCli.INVALID, run("verify", log.toString(), "--public-key", publicKey.toString()));
        assertTrue(out.toString().contains("problem:"), out.toString());
    }

    @Test
    void truncationIsCaughtWithATrustedCheckpoint() throws IOException {
        Path trusted = root.resolve("trusted.checkpoint");
        List<Frame> notes = new ArrayList<>();
        FrameReader.scan(LedgerLayout.checkpoints(TestLedgers.shard(root, "2026")), LedgerLayout.MAX_CHECKPOINT_BYTES, notes::add);
        Files.write(trusted, notes.get(notes.size() - 1).payload());
        Path checkpointDir = LedgerLayout.checkpoints(TestLedgers.shard(root, "2026"));
        try (Stream<Path> files = Files.list(checkpointDir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Path segment = TestLedgers.entrySegments(root, "2026").get(0);
        byte[] data = Files.readAllBytes(segment);
        Files.write(segment, Arrays.copyOf(data, data.length / 2));

        assertEquals(LedgerCli.INVALID, run("verify", log.toString(), "--public-key", publicKey.toString(),
                "--trusted-checkpoint", trusted.toString()));
        assertTrue(out.toString().contains("entries were removed"), out.toString());
    }

    @Test
    void unreadableInputAndBadUsageExitTwo() {
        assertEquals(LedgerCli.UNUSABLE, run("verify", root.resolve("missing").toString()));
        assertEquals(LedgerCli.UNUSABLE, run("verify", log.toString(), "--no-such-option", "x"));
        assertEquals(LedgerCli.UNUSABLE, run("frobnicate"));
        assertEquals(LedgerCli.UNUSABLE, run());
    }

    @Test
    void proofOfARecordChecksOfflineAndFailsForAnotherRecord() throws IOException {
        assertEquals(LedgerCli.VALID, run("prove", log.toString(), "7"));
        String proofText = out.toString();
        assertTrue(proofText.startsWith("c2sp.org/tlog-proof@v1\nextra "), proofText);
        assertTrue(proofText.contains("\nindex 7\n"), proofText);
        Path proof = root.resolve("seven.tlog-proof");
        Files.writeString(proof, proofText);
        Path record = root.resolve("record.json");

        Files.write(record, TestLedgers.record(7));
        assertEquals(LedgerCli.VALID, run("check-proof", proof.toString(), "--record", record.toString(),
                "--public-key", publicKey.toString()));
        Files.write(record, TestLedgers.record(8));
        assertEquals(LedgerCli.INVALID, run("check-proof", proof.toString(), "--record", record.toString(),
                "--public-key", publicKey.toString()));
        Path otherKey = root.resolve("other.vkey");
        Files.writeString(otherKey, NoteSigningKey.generate(TestLedgers.KEY_NAME).verifierKey().format());
        Files.write(record, TestLedgers.record(7));
        assertEquals(LedgerCli.INVALID, run("check-proof", proof.toString(), "--record", record.toString(),
                "--public-key", otherKey.toString()));
    }

    @Test
    void exportPrintsTheRecordsOfATimeRangeAsLines() {
        assertEquals(LedgerCli.VALID, run("export", log.toString(), "--from", "2026-03-01T02:00:00Z",
                "--to", "2026-03-01T05:00:00Z"));
        String expected = new String(TestLedgers.record(2), StandardCharsets.UTF_8) + "\n"
                + new String(TestLedgers.record(3), StandardCharsets.UTF_8) + "\n"
                + new String(TestLedgers.record(4), StandardCharsets.UTF_8) + "\n";
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    /** A second node's ledger: its own folder and key, records half an hour after each of the first node's. */
    private Path secondNode(Path vkey) throws IOException {
        Path dir = root.resolve("node2");
        Files.createDirectories(dir);
        NoteSigningKey key = NoteSigningKey.generate("hospital.example/kc-audit/node2");
        key.write(dir.resolve("audit-ledger.key"));
        Files.writeString(vkey, key.verifierKey().format());
        Path ledgerDir = dir.resolve("log");
        try (AuditLedger ledger = AuditLedger.open(LedgerConfig.builder(ledgerDir, dir.resolve("audit-ledger.key"))
                .checkpointInterval(Duration.ZERO).build())) {
            for (int i = 0; i < 20; i++) {
                ledger.append(TestLedgers.MARCH_2026 + i * HOUR + HOUR / 2, TestLedgers.record(100 + i));
            }
        }
        return ledgerDir;
    }

    @Test
    void verifyChecksEveryNodesLedgerInOneRun() throws IOException {
        Path secondKey = root.resolve("keys").resolve("node2.vkey");
        Path second = secondNode(secondKey);

        assertEquals(LedgerCli.VALID, run("verify", log.toString(), second.toString(), "--public-key", publicKey.toString(),
                "--public-key", secondKey.toString()));
        assertTrue(out.toString().startsWith("VALID"), out.toString());
        assertTrue(out.toString().contains("== " + second), out.toString());

        assertEquals(LedgerCli.INVALID, run("verify", log.toString(), second.toString(), "--public-key", secondKey.toString(),
                "--public-key", publicKey.toString()), "each folder is checked with its own key");
        assertEquals(LedgerCli.UNUSABLE, run("verify", log.toString(), second.toString(), "--public-key", publicKey.toString()),
                "one key for two folders is a usage error");

        Path entries = SegmentFiles.list(LedgerLayout.entries(LedgerLayout.shards(second).get(0))).get(0);
        byte[] data = Files.readAllBytes(entries);
        data[data.length / 2] ^= 1;
        Files.write(entries, data);
        assertEquals(LedgerCli.INVALID, run("verify", log.toString(), second.toString(), "--public-key", publicKey.toString(),
                "--public-key", secondKey.toString()), "one tampered node makes the run invalid");
    }

    @Test
    void exportMergesTheNodesLedgersByTime() throws IOException {
        Path second = secondNode(root.resolve("keys").resolve("node2.vkey"));

        assertEquals(LedgerCli.VALID, run("export", log.toString(), second.toString(), "--from", "2026-03-01T02:00:00Z",
                "--to", "2026-03-01T04:00:00Z"));

        String expected = Stream.of(2, 102, 3, 103).map(n -> new String(TestLedgers.record(n), StandardCharsets.UTF_8) + "\n")
                .reduce("", String::concat);
        assertEquals(expected, out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void keygenWritesAKeyPairTheLedgerAccepts() throws IOException {
        Path keys = root.resolve("new-keys");
        Files.createDirectories(keys);
        assertEquals(LedgerCli.VALID, run("keygen", "--name", "example.org/audit", "--private-key",
                keys.resolve("k").toString(), "--public-key", keys.resolve("k.vkey").toString()));
        Path newLog = root.resolve("new-log");
        try (AuditLedger ledger = AuditLedger.open(LedgerConfig.builder(newLog, keys.resolve("k")).build())) {
            ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(1));
        }
        assertEquals(LedgerCli.VALID, run("verify", newLog.toString(), "--public-key", keys.resolve("k.vkey").toString()));
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }
}
