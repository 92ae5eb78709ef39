package org.hipaaiam.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameCodec;
import org.hipaaiam.audit.ledger.segment.FrameLogWriter;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;
import org.hipaaiam.audit.ledger.verify.LedgerVerifier;
import org.hipaaiam.audit.ledger.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ledger with {@code segmentPreallocateBytes} that stops without closing leaves its last
 * segments preallocated: zeros after the last frame. The files are copied while the ledger is open, which is what a crash leaves on
 * disk for everything that was acknowledged (acknowledged frames were forced before the copy).
 */
class PreallocationRecoveryTest {

    private static final int RECORDS = 20;
    private static final long PREALLOCATE = 1 << 20;

    @TempDir
    Path live;
    @TempDir
    Path crashed;

    /** Recovery without preallocation configured: the zeros of an earlier, preallocating run are cut all the same. */
    @Test
    void aPreallocatedTailIsCutAtStartUpWithoutARepairAndTheLedgerVerifies() throws IOException {
        crashWithRecords(RECORDS);
        Path entries = lastEntrySegment();
        FrameReader.Result before = scanEntries();
        assertTrue(before.clean(), String.valueOf(before.fault()));
        assertEquals(RECORDS, before.frames());
        assertNotNull(before.unused(), "the open segment must be preallocated");
        long frameBytes = before.unused().offset();
        assertTrue(Files.size(entries) > frameBytes);
        assertNotNull(FrameReader.scan(LedgerLayout.checkpoints(TestLedgers.shard(crashed, "2026")),
                LedgerLayout.MAX_CHECKPOINT_BYTES, f -> { }).unused(), "the checkpoint log is preallocated too");

        VerificationReport beforeRecovery = verify();
        assertTrue(beforeRecovery.valid(), beforeRecovery.toJson());
        assertTrue(beforeRecovery.shards().stream().allMatch(s -> s.warnings().isEmpty()),
                "preallocated zeros are no unfinished write: " + beforeRecovery.toJson());

        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(crashed).build())) {
            RecoveryReport recovery = ledger.recoveryReport();
            assertFalse(recovery.repaired(), "zeros hold no record: nothing to report");
            assertEquals((long) RECORDS, recovery.shardSizes().get(TestLedgers.KEY_NAME + "/2026"));
            assertEquals(frameBytes, Files.size(entries), "recovery cuts the zeros off");
            for (int i = RECORDS; i < RECORDS + 5; i++) {
                assertEquals(i, ledger.append(TestLedgers.MARCH_2026 + i, TestLedgers.record(i)).index());
            }
        }
        List<Frame> stored = new ArrayList<>();
        FrameReader.Result after = FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(crashed, "2026")),
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES, stored::add);
        assertTrue(after.clean());
        assertNull(after.unused(), "a closed ledger holds no zeros");
        assertEquals(RECORDS + 5, stored.size());
        for (int i = 0; i < stored.size(); i++) {
            assertArrayEquals(TestLedgers.record(i), stored.get(i).payload());
            assertEquals(TestLedgers.MARCH_2026 + i, stored.get(i).timestampMillis());
        }
        VerificationReport report = verify();
        assertTrue(report.valid(), report.toJson());
        assertEquals(RECORDS + 5, report.entries());
    }

    @Test
    void aFrameCutShortOverThePreallocatedZerosIsATornTailCutAtItsStart() throws IOException {
        crashWithRecords(RECORDS);
        Path entries = lastEntrySegment();
        long frameBytes = scanEntries().unused().offset();
        long size = Files.size(entries);
        // What a crash inside write(2) would leave: the first part of the next frame over the zeros.
        byte[] next = FrameCodec.encode(new Frame(RECORDS, TestLedgers.MARCH_2026, TestLedgers.record(RECORDS)));
        try (FileChannel file = FileChannel.open(entries, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(next, 0, next.length / 2), frameBytes);
        }
        assertTrue(verify().valid(), "an unfinished write is a warning, not a problem");

        try (AuditLedger ledger = AuditLedger.open(preallocating(crashed))) {
            RecoveryReport recovery = ledger.recoveryReport();
            assertEquals(1, recovery.repairs().size(), recovery.toString());
            RecoveryReport.TornTail torn = recovery.repairs().get(0);
            assertEquals(entries, torn.file());
            assertEquals(frameBytes, torn.offset());
            assertEquals(size - frameBytes, torn.bytesRemoved());
            assertEquals(frameBytes, Files.size(entries));
            assertEquals(RECORDS, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(RECORDS)).index());
            assertTrue(Files.size(entries) > frameBytes, "preallocated again");
        }
        assertNull(scanEntries().unused(), "closing cuts the zeros off");
        assertEquals(frameBytes + next.length, Files.size(entries));
        VerificationReport report = verify();
        assertTrue(report.valid(), report.toJson());
        assertEquals(RECORDS + 1, report.entries());
        try (AuditLedger ledger = AuditLedger.open(preallocating(crashed))) {
            assertFalse(ledger.recoveryReport().repaired(), "a closed ledger needs no repair");
        }
    }

    @Test
    void aNewSegmentHoldingOnlyZerosIsAnEmptyEndThatRecovers() throws IOException {
        crashWithRecords(RECORDS);
        // A crash right after a roll-over: the full segment was cut to its frames (durably, before the next
        // was created), the next segment exists, its zeros reached the disk, its first frame did not.
        FrameLogWriter.truncate(lastEntrySegment(), scanEntries().unused().offset());
        Path next = SegmentFiles.path(LedgerLayout.entries(TestLedgers.shard(crashed, "2026")), RECORDS);
        Files.write(next, new byte[(int) PREALLOCATE]);
        FrameReader.Result before = scanEntries();
        assertTrue(before.clean(), String.valueOf(before.fault()));
        assertEquals(new FrameReader.UnusedTail(next, 0, PREALLOCATE), before.unused());
        assertTrue(verify().valid());

        try (AuditLedger ledger = AuditLedger.open(preallocating(crashed))) {
            assertFalse(ledger.recoveryReport().repaired());
            assertEquals(0, Files.size(next));
            assertEquals(RECORDS, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(RECORDS)).index());
        }
        VerificationReport report = verify();
        assertTrue(report.valid(), report.toJson());
        assertEquals(RECORDS + 1, report.entries());
        assertEquals(FrameCodec.frameSize(TestLedgers.record(RECORDS).length), Files.size(next), "closed: frames only");
    }

    /** Appends records to a ledger in {@code live} and copies its folders to {@code crashed} while it is open. */
    private void crashWithRecords(int records) throws IOException {
        try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(live).segmentPreallocateBytes(PREALLOCATE).build())) {
            for (int i = 0; i < records; i++) {
                ledger.append(TestLedgers.MARCH_2026 + i, TestLedgers.record(i));
            }
            copyTree(live, crashed);
        }
    }

    @Test
    void thePreallocationStepMustFitInASegment() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> TestLedgers.config(live).segmentPreallocateBytes(-1).build());
        assertThrows(IllegalArgumentException.class,
                () -> TestLedgers.config(live).segmentMaxBytes(1 << 22).segmentPreallocateBytes((1 << 22) + 1).build());
        assertEquals(1 << 22, TestLedgers.config(live).segmentMaxBytes(1 << 22).segmentPreallocateBytes(1 << 22).build()
                .segmentPreallocateBytes());
        assertEquals(0, TestLedgers.config(live).build().segmentPreallocateBytes(), "off by default");
    }

    private static LedgerConfig preallocating(Path root) throws IOException {
        return TestLedgers.config(root).segmentPreallocateBytes(PREALLOCATE).build();
    }

    private Path lastEntrySegment() {
        List<Path> segments = TestLedgers.entrySegments(crashed, "2026");
        return segments.get(segments.size() - 1);
    }

    private FrameReader.Result scanEntries() throws IOException {
        return FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(crashed, "2026")),
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES, f -> { });
    }

    private VerificationReport verify() throws IOException {
        return new LedgerVerifier(NoteSigningKey.read(TestLedgers.keyFile(crashed)).verifierKey(), line -> { })
                .verify(TestLedgers.logDirectory(crashed), "test key", List.of());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.sorted(Comparator.naturalOrder()).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
