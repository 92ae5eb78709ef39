package org.hipaaiam.audit.ledger.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Segments preallocated with zeros ahead of the frames: the zeros end the log only at the end
 * of the last segment; closing and rolling over cut them off.
 */
class PreallocationTest {

    private static final int MAX = 1024;
    private static final long STEP = 4096;

    @TempDir
    Path root;

    @Test
    void aCommitWritesZerosAheadOfTheFramesAndTheReaderEndsTheLogThere() throws IOException {
        Path dir = root.resolve("log");
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, 1 << 20, STEP)) {
            writer.append(0, payload(0));
            writer.commit();
            Path segment = SegmentFiles.list(dir).get(0);
            long frames = FrameCodec.frameSize(payload(0).length);
            assertEquals(frames + STEP, Files.size(segment), "zeros after the first frame");

            // Further commits inside the preallocated space leave the size alone.
            for (int i = 1; i < 5; i++) {
                writer.append(i, payload(i));
                writer.commit();
                frames += FrameCodec.frameSize(payload(i).length);
            }
            assertEquals(FrameCodec.frameSize(payload(0).length) + STEP, Files.size(segment));

            FrameReader.Result live = FrameReader.scan(dir, MAX, f -> { });
            assertTrue(live.clean(), String.valueOf(live.fault()));
            assertEquals(5, live.frames());
            assertNotNull(live.unused());
            assertEquals(frames, live.unused().offset());
            assertEquals(Files.size(segment) - frames, live.unused().bytes());

            // Past the preallocated space, the next commit writes the next stretch of zeros.
            while (frames + FrameCodec.frameSize(payload(0).length) <= FrameCodec.frameSize(payload(0).length) + STEP) {
                writer.append(0, payload(0));
                writer.commit();
                frames += FrameCodec.frameSize(payload(0).length);
            }
            writer.append(0, payload(0));
            writer.commit();
            frames += FrameCodec.frameSize(payload(0).length);
            assertEquals(frames + STEP, Files.size(segment));
        }
    }

    @Test
    void closeCutsTheZerosOff() throws IOException {
        Path dir = root.resolve("log");
        long frames = write(dir, 5, 1 << 20);
        Path segment = SegmentFiles.list(dir).get(0);
        assertEquals(frames, Files.size(segment));
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertTrue(result.clean());
        assertNull(result.unused());
        assertEquals(5, result.frames());
    }

    @Test
    void preallocationStopsAtTheSegmentLimitAndRolledSegmentsHoldOnlyFrames() throws IOException {
        Path dir = root.resolve("log");
        Path crashed = root.resolve("crashed");
        long segmentLimit = 300;
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, segmentLimit, STEP)) {
            for (int i = 0; i < 40; i++) {
                writer.append(i, payload(i));
                writer.commit();
                for (Path segment : SegmentFiles.list(dir)) {
                    assertTrue(Files.size(segment) <= segmentLimit, segment + " is " + Files.size(segment));
                }
            }
            copy(dir, crashed);
        }
        List<Path> segments = SegmentFiles.list(crashed);
        assertTrue(segments.size() > 2);
        for (Path segment : segments.subList(0, segments.size() - 1)) {
            byte[] data = Files.readAllBytes(segment);
            assertTrue(data[data.length - 1] != 0, segment + " must end in its last frame's CRC, not in zeros");
        }
        Path last = segments.get(segments.size() - 1);
        assertEquals(segmentLimit, Files.size(last), "the open segment is preallocated up to the limit");
        List<Long> sequences = new ArrayList<>();
        FrameReader.Result result = FrameReader.scan(crashed, MAX, f -> sequences.add(f.sequence()));
        assertTrue(result.clean(), String.valueOf(result.fault()));
        assertEquals(40, result.frames());
        assertEquals(last, result.unused().segment());
        for (int i = 0; i < 40; i++) {
            assertEquals(i, sequences.get(i));
        }
    }

    @Test
    void zerosBeforeTheNextFrameAreDamage() throws IOException {
        Path dir = root.resolve("log");
        write(dir, 5, 1 << 20);
        Path segment = SegmentFiles.list(dir).get(0);
        byte[] data = Files.readAllBytes(segment);
        int second = FrameCodec.frameSize(payload(0).length);
        Arrays.fill(data, second, second + FrameCodec.frameSize(payload(1).length), (byte) 0);
        Files.write(segment, data);
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertEquals(1, result.frames());
        assertFalse(result.clean());
        assertFalse(result.tornTail(), "a later frame continues the log");
        assertNull(result.unused());
    }

    @Test
    void zerosAtTheEndOfASegmentThatIsNotTheLastAreAFault() throws IOException {
        Path dir = root.resolve("log");
        write(dir, 40, 300);
        List<Path> segments = SegmentFiles.list(dir);
        Files.write(segments.get(0), new byte[64], StandardOpenOption.APPEND);
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertFalse(result.clean());
        assertFalse(result.tornTail());
        assertNull(result.unused());
    }

    @Test
    void aFrameCutShortInsideThePreallocatedSpaceIsATornTail() throws IOException {
        Path dir = root.resolve("log");
        Path crashed = root.resolve("crashed");
        long frames;
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, 1 << 20, STEP)) {
            frames = 0;
            for (int i = 0; i < 3; i++) {
                writer.append(i, payload(i));
                frames += FrameCodec.frameSize(payload(i).length);
            }
            writer.commit();
            copy(dir, crashed);
        }
        // What a crash inside write(2) leaves: the start of the next frame over the zeros.
        byte[] next = FrameCodec.encode(new Frame(3, 3, payload(3)));
        Path segment = SegmentFiles.list(crashed).get(0);
        long size = Files.size(segment);
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(next, 0, next.length - 10), frames);
        }
        assertEquals(size, Files.size(segment));
        FrameReader.Result result = FrameReader.scan(crashed, MAX, f -> { });
        assertEquals(3, result.frames());
        assertTrue(result.tornTail());
        assertNull(result.unused());
        assertEquals(frames, result.fault().offset());
        assertEquals(size - frames, result.fault().bytesAfter());
    }

    @Test
    void aSegmentOfOnlyZerosIsAnEmptyEnd() throws IOException {
        Path dir = root.resolve("log");
        write(dir, 40, 300);
        Path empty = SegmentFiles.path(dir, 40);
        Files.write(empty, new byte[200]);
        FrameReader.Result result = FrameReader.scan(dir, MAX, f -> { });
        assertTrue(result.clean(), String.valueOf(result.fault()));
        assertEquals(40, result.frames());
        assertEquals(new FrameReader.UnusedTail(empty, 0, 200), result.unused());
    }

    @Test
    void aWriterWithoutPreallocationLetsTheFileGrowWithItsFrames() throws IOException {
        Path dir = root.resolve("log");
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, 1 << 20, 0)) {
            writer.append(0, payload(0));
            writer.commit();
            assertEquals(FrameCodec.frameSize(payload(0).length), Files.size(SegmentFiles.list(dir).get(0)));
        }
    }

    /** Writes frames one commit each and closes; returns the bytes of frames written. */
    private static long write(Path dir, int count, long maxSegmentBytes) throws IOException {
        long bytes = 0;
        try (FrameLogWriter writer = FrameLogWriter.open(dir, 0, maxSegmentBytes, STEP)) {
            for (int i = 0; i < count; i++) {
                writer.append(i, payload(i));
                writer.commit();
                bytes += FrameCodec.frameSize(payload(i).length);
            }
        }
        return bytes;
    }

    /** The files as a crash would leave them: what the writer has written, with nothing closed or trimmed. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path segment : SegmentFiles.list(from)) {
            Files.copy(segment, to.resolve(segment.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static byte[] payload(int i) {
        return ("record-" + i + "-" + "x".repeat(40)).getBytes(StandardCharsets.UTF_8);
    }
}
