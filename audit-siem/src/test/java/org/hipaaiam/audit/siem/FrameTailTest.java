package org.hipaaiam.audit.siem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameTailTest {

    private static final long TIME = 1_772_323_200_000L;
    private static final int MAX = 1 << 20;

    @TempDir
    Path root;

    /** Segments of about 8 KiB, so a hundred records span several files. */
    private AuditLedger openWithSmallSegments() throws IOException {
        return AuditLedger.open(TestLedger.config(root).maxRecordBytes(4096).segmentMaxBytes(2 * (4096 + 64)).build());
    }

    private Path entries() {
        return LedgerLayout.entries(TestLedger.directory(root).resolve("2026"));
    }

    @Test
    void followsRecordsAsTheyAreAppendedAcrossSegments() throws IOException {
        try (AuditLedger ledger = openWithSmallSegments()) {
            FrameTail tail = FrameTail.at(entries(), MAX, 0);
            assertNull(tail.next(), "nothing stored yet");
            for (int round = 0; round < 3; round++) {
                for (int i = round * 40; i < round * 40 + 40; i++) {
                    ledger.append(TIME + i, TestLedger.record(i));
                }
                for (int i = round * 40; i < round * 40 + 40; i++) {
                    Frame frame = tail.next();
                    assertEquals(i, frame.sequence());
                    assertEquals(TIME + i, frame.timestampMillis());
                    assertArrayEquals(TestLedger.record(i), frame.payload());
                }
                assertNull(tail.next(), "no record beyond the last append");
            }
            assertTrue(SegmentFiles.list(entries()).size() >= 2, "test must cross segment files");
        }
    }

    @Test
    void startsInTheMiddleOfTheLog() throws IOException {
        try (AuditLedger ledger = openWithSmallSegments()) {
            for (int i = 0; i < 100; i++) {
                ledger.append(TIME + i, TestLedger.record(i));
            }
        }
        List<Path> segments = SegmentFiles.list(entries());
        long secondSegmentStart = SegmentFiles.firstSequence(segments.get(1));

        for (long start : List.of(0L, 57L, secondSegmentStart, 99L)) {
            FrameTail tail = FrameTail.at(entries(), MAX, start);
            for (long expected = start; expected < 100; expected++) {
                assertEquals(expected, tail.next().sequence());
            }
            assertNull(tail.next());
        }
    }
}
