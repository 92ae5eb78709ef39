package org.hipaaiam.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameCodec;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLedgerTest {

    private static final String ORIGIN_2026 = TestLedgers.KEY_NAME + "/2026";

    @TempDir
    Path root;

    @Test
    void appendsGetConsecutiveIndexesThatSurviveAReopen() throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            for (int i = 0; i < 10; i++) {
                assertEquals(new EntryPosition(ORIGIN_2026, i), ledger.append(TestLedgers.MARCH_2026 + i, TestLedgers.record(i)));
            }
        }
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            assertFalse(ledger.recoveryReport().repaired());
            assertEquals(10L, ledger.recoveryReport().shardSizes().get(ORIGIN_2026));
            assertEquals(10, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(10)).index());
        }
        assertEquals(11, readEntries("2026").size());
    }

    @Test
    void concurrentProducersAllGetDistinctDurableIndexes() throws Exception {
        List<CompletableFuture<EntryPosition>> futures = new ArrayList<>();
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int base = t * 100;
                Thread producer = new Thread(() -> {
                    for (int i = 0; i < 100; i++) {
                        CompletableFuture<EntryPosition> f = ledger.appendAsync(TestLedgers.MARCH_2026, TestLedgers.record(base + i));
                        synchronized (futures) {
                            futures.add(f);
                        }
                    }
                });
                producers.add(producer);
                producer.start();
            }
            for (Thread producer : producers) {
                producer.join();
            }
            Set<Long> indexes = new HashSet<>();
            for (CompletableFuture<EntryPosition> f : futures) {
                indexes.add(f.get().index());
            }
            assertEquals(800, indexes.size());
            assertEquals(799L, indexes.stream().mapToLong(Long::longValue).max().orElseThrow());
        }
        assertEquals(800, readEntries("2026").size());
    }

    @Test
    void recordsAreShardedByUtcYearEachWithItsOwnOriginAndCheckpoints() throws IOException {
        long lastMilliOf2025 = 1_767_225_599_999L;
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            assertEquals(new EntryPosition(TestLedgers.KEY_NAME + "/2025", 0), ledger.append(lastMilliOf2025, TestLedgers.record(1)));
            assertEquals(new EntryPosition(ORIGIN_2026, 0), ledger.append(lastMilliOf2025 + 1, TestLedgers.record(2)));
            assertEquals(new EntryPosition(ORIGIN_2026, 1), ledger.append(lastMilliOf2025 + 2, TestLedgers.record(3)));
        }
        assertEquals(TestLedgers.KEY_NAME + "/2025", lastCheckpoint("2025").origin());
        assertEquals(1, lastCheckpoint("2025").size());
        assertEquals(2, lastCheckpoint("2026").size());
    }

    @Test
    void recordsAlternatingBetweenPeriodsEachGoToTheirShard() throws Exception {
        long lastMilliOf2025 = 1_767_225_599_999L;
        List<CompletableFuture<EntryPosition>> futures = new ArrayList<>();
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).shardPeriod(ShardPeriod.MONTH).build())) {
            for (int i = 0; i < 30; i++) {
                futures.add(ledger.appendAsync(lastMilliOf2025 + (i % 3) - 1, TestLedgers.record(i)));
            }
            for (int i = 0; i < 30; i++) {
                // i % 3: 0 and 1 fall in December 2025, 2 in January 2026
                String month = i % 3 == 2 ? "2026-01" : "2025-12";
                long index = i % 3 == 2 ? i / 3 : 2 * (i / 3) + i % 3;
                assertEquals(new EntryPosition(TestLedgers.KEY_NAME + "/" + month, index), futures.get(i).get());
            }
        }
        assertEquals(20, readEntries("2025-12").size());
        assertEquals(10, readEntries("2026-01").size());
    }

    @Test
    void monthlyShardsWhenConfigured() throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).shardPeriod(ShardPeriod.MONTH).build())) {
            assertEquals(TestLedgers.KEY_NAME + "/2026-03", ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(1)).origin());
        }
        assertTrue(Files.isDirectory(TestLedgers.shard(root, "2026-03")));
    }

    @Test
    void segmentsRollOverAtTheSizeLimit() throws IOException {
        LedgerConfig config = TestLedgers.config(root).segmentMaxBytes(4096).maxRecordBytes(1024).build();
        try (AuditLedger ledger = AuditLedger.open(config)) {
            for (int i = 0; i < 100; i++) {
                ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(i));
            }
        }
        List<Path> segments = TestLedgers.entrySegments(root, "2026");
        assertTrue(segments.size() > 2, "segments: " + segments.size());
        for (Path segment : segments) {
            assertTrue(Files.size(segment) <= 4096, segment + " is " + Files.size(segment) + " bytes");
        }
        try (AuditLedger ledger = AuditLedger.open(config)) {
            assertEquals(100, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(100)).index());
        }
        assertEquals(101, readEntries("2026").size());
    }

    @Test
    void signedCheckpointCoversTheWholeTree() throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            for (int i = 0; i < 5; i++) {
                ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(i));
            }
        }
        MerkleFrontier tree = new MerkleFrontier();
        readEntries("2026").forEach(f -> tree.append(TreeHash.leaf(f.leafData())));
        Checkpoint checkpoint = lastCheckpoint("2026");
        assertEquals(new Checkpoint(ORIGIN_2026, 5, tree.root()), checkpoint);
    }

    @Test
    void tornTailIsCutOffAndReported() throws IOException {
        appendAndClose(3);
        Path segment = lastSegment();
        long intact = Files.size(segment);
        byte[] frame = FrameCodec.encode(new Frame(3, TestLedgers.MARCH_2026, TestLedgers.record(3)));
        Files.write(segment, Arrays.copyOf(frame, frame.length - 5), StandardOpenOption.APPEND);

        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            RecoveryReport report = ledger.recoveryReport();
            assertTrue(report.repaired());
            assertEquals(1, report.repairs().size());
            assertEquals(intact, report.repairs().get(0).offset());
            assertEquals(frame.length - 5, report.repairs().get(0).bytesRemoved());
            assertEquals(3, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(3)).index());
        }
        assertEquals(4, readEntries("2026").size());
    }

    @Test
    void fewerEntriesThanTheSignedCheckpointIsRefusedAndNothingIsChanged() throws IOException {
        appendAndClose(3);
        Path segment = lastSegment();
        byte[] data = Files.readAllBytes(segment);
        int lastFrame = FrameCodec.frameSize(TestLedgers.record(2).length);
        Files.write(segment, Arrays.copyOf(data, data.length - lastFrame - 7));
        long damaged = Files.size(segment);

        LedgerIntegrityException e = assertThrows(LedgerIntegrityException.class,
                () -> AuditLedger.open(TestLedgers.config(root).build()));
        assertTrue(e.getMessage().contains("holds 1 entries but checkpoint"), e.getMessage());
        assertEquals(damaged, Files.size(segment), "refusal must not cut the tail");
    }

    @Test
    void changedRecordWithRecomputedCrcIsRefused() throws IOException {
        appendAndClose(3);
        Path segment = lastSegment();
        byte[] data = Files.readAllBytes(segment);
        byte[] forged = FrameCodec.encode(new Frame(0, TestLedgers.MARCH_2026, TestLedgers.record(7)));
        System.arraycopy(forged, 0, data, 0, forged.length);
        Files.write(segment, data);

        LedgerIntegrityException e = assertThrows(LedgerIntegrityException.class,
                () -> AuditLedger.open(TestLedgers.config(root).build()));
        assertTrue(e.getMessage().contains("no longer hash to the root"), e.getMessage());
    }

    @Test
    void damageBeforeTheEndIsRefusedNotTruncated() throws IOException {
        appendAndClose(3);
        Path segment = lastSegment();
        byte[] data = Files.readAllBytes(segment);
        data[FrameCodec.HEADER_BYTES + 2] ^= 0x20;
        Files.write(segment, data);

        LedgerIntegrityException e = assertThrows(LedgerIntegrityException.class,
                () -> AuditLedger.open(TestLedgers.config(root).build()));
        assertTrue(e.getMessage().contains("damaged before its end"), e.getMessage());
    }

    @Test
    void signingKeyInsideTheLogFolderIsRefused() throws IOException {
        Path log = TestLedgers.logDirectory(root);
        Files.createDirectories(log.resolve("keys"));
        Path key = log.resolve("keys").resolve("ledger.key");
        NoteSigningKey.generate(TestLedgers.KEY_NAME).write(key);
        LedgerException e = assertThrows(LedgerException.class, () -> AuditLedger.open(LedgerConfig.builder(log, key).build()));
        assertTrue(e.getMessage().contains("must not be stored inside the log folder"), e.getMessage());
    }

    @Test
    void secondWriterOnTheSameFolderIsRefused() throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            assertThrows(LedgerException.class, () -> AuditLedger.open(TestLedgers.config(root).build()));
            ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(1));
        }
    }

    @Test
    void appendsAfterCloseFailVisibly() throws IOException {
        AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build());
        ledger.close();
        assertThrows(LedgerException.class, () -> ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(1)));
        assertThrows(IllegalArgumentException.class,
                () -> ledger.appendAsync(TestLedgers.MARCH_2026, new byte[LedgerConfig.DEFAULT_MAX_RECORD_BYTES + 1]));
    }

    private void appendAndClose(int records) throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
            for (int i = 0; i < records; i++) {
                ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(i));
            }
        }
    }

    private Path lastSegment() {
        List<Path> segments = TestLedgers.entrySegments(root, "2026");
        return segments.get(segments.size() - 1);
    }

    private List<Frame> readEntries(String label) throws IOException {
        List<Frame> frames = new ArrayList<>();
        FrameReader.Result result = FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(root, label)),
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES, frames::add);
        assertTrue(result.clean(), String.valueOf(result.fault()));
        return frames;
    }

    private Checkpoint lastCheckpoint(String label) throws IOException {
        List<Frame> notes = new ArrayList<>();
        FrameReader.scan(LedgerLayout.checkpoints(TestLedgers.shard(root, label)), LedgerLayout.MAX_CHECKPOINT_BYTES, notes::add);
        SignedNote note = SignedNote.parse(new String(notes.get(notes.size() - 1).payload(), StandardCharsets.UTF_8));
        assertTrue(NoteSigningKey.read(TestLedgers.keyFile(root)).verifierKey().verifies(note));
        return Checkpoint.parseBody(note.text());
    }
}
