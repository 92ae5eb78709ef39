package org.hipaaiam.audit.ledger.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Segment roll-over, and telling a torn tail (safe to cut) from damage (never cut). */
class FrameReaderTest {

    private static final int MAX = 1024;

    @TempDir
    Path dir;

    @Test
    void framesRunInOrderAcrossRolledSegments() throws IOException {
        write(40, 300);
        List<Path> segments = SegmentFiles.list(dir);
        assertTrue(segments.size() > 1);
        for (Path segment : segments) {
            assertTrue(Files.size(segment) <= 300);
        }
        List<Long> sequences = new ArrayList<>();
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> sequences.add(f.sequence()));
        assertTrue(result.clean());
        assertEquals(40, result.frames());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, sequences.get(i));
        }
    }

    @Test
    void badFrameAtTheVeryEndIsATornTail() throws IOException {
        write(5, 1 << 20);
        Path segment = SegmentFiles.list(dir).get(0);
        byte[] data = Files.readAllBytes(segment);
        data[data.length - 1] ^= 1;
        Files.write(segment, data);
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertEquals(4, result.frames());
        assertTrue(result.tornTail());
        assertEquals(data.length - FrameCodec.frameSize(payload(4).length), result.fault().offset());
    }

    @Test
    void badFrameFollowedByTheNextFrameIsDamageNotATornTail() throws IOException {
        write(5, 1 << 20);
        Path segment = SegmentFiles.list(dir).get(0);
        byte[] data = Files.readAllBytes(segment);
        data[FrameCodec.frameSize(payload(0).length) + FrameCodec.HEADER_BYTES] ^= 1;
        Files.write(segment, data);
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertEquals(1, result.frames());
        assertFalse(result.tornTail());
    }

    @Test
    void missingSegmentIsASequenceGap() throws IOException {
        write(40, 300);
        List<Path> segments = SegmentFiles.list(dir);
        Files.delete(segments.get(1));
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertFalse(result.clean());
        assertFalse(result.tornTail());
        assertTrue(result.fault().description().contains("was expected"), result.fault().description());
    }

    private void write(int frames, long maxSegmentBytes) throws IOException {
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, maxSegmentBytes)) {
            for (int i = 0; i < frames; i++) {
                writer.append(i, payload(i));
            }
            writer.commit();
        }
    }

    private static byte[] payload(int i) {
        return ("record-" + i + "-" + "x".repeat(40)).getBytes(StandardCharsets.UTF_8);
    }
}
