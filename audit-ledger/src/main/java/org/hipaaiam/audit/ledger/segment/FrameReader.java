package org.hipaaiam.audit.ledger.segment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads a log directory frame by frame, checking CRCs and that sequence numbers run 0, 1, 2, ...
 * across segment files. Stops at the first fault and says whether it is a torn tail: an
 * incomplete or bad frame in the last segment after which no later frame continues the log.
 * Such bytes cannot belong to an acknowledged record, since a record is acknowledged only after
 * it and everything before it were forced to disk.
 *
 * <p>Zeros from the end of the frames to the end of the last segment are the space
 * {@link FrameLogWriter} preallocates: the end of the log, not a fault ({@link Result#unused()}).
 * Zeros anywhere else are a fault like any other bytes that are not the next frame.
 */
public final class FrameReader {

    /** Where reading stopped for a reason other than the end of the log. */
    public record Fault(Path segment, long offset, long bytesAfter, String description) {
    }

    /** Preallocated space after the last frame: zeros from {@code offset} to the end of the last segment. */
    public record UnusedTail(Path segment, long offset, long bytes) {
    }

    /**
     * @param frames the number of valid, continuous frames read
     * @param fault the first fault found, or null
     * @param tornTail whether the fault is a torn tail (see class comment)
     * @param unused the zeros after the last frame of a clean log, or null
     */
    public record Result(long frames, Fault fault, boolean tornTail, UnusedTail unused) {
        public boolean clean() {
            return fault == null;
        }
    }

    private final List<Path> segments;
    private final int maxPayloadBytes;
    private int segmentIndex = -1;
    private Path segment;
    private byte[] data = new byte[0];
    private int offset;
    private long expected;
    private Result result;

    public FrameReader(Path directory, int maxPayloadBytes) {
        this.segments = SegmentFiles.list(directory);
        this.maxPayloadBytes = maxPayloadBytes;
    }

    /** Reads every frame, handing each to {@code visitor}. */
    public static Result scan(Path directory, int maxPayloadBytes, Consumer<Frame> visitor) throws IOException {
        FrameReader reader = new FrameReader(directory, maxPayloadBytes);
        for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
            visitor.accept(frame);
        }
        return reader.result();
    }

    /** The next valid frame in log order, or null at the end of the log or at the first fault. */
    public Frame next() throws IOException {
        while (result == null) {
            FrameCodec.Decoded decoded = FrameCodec.read(data, offset, data.length, maxPayloadBytes);
            switch (decoded.status()) {
                case FRAME -> {
                    Frame frame = decoded.frame();
                    if (frame.sequence() != expected) {
                        stop("frame has sequence " + frame.sequence() + " but " + expected + " was expected", false);
                        return null;
                    }
                    expected++;
                    offset = decoded.end();
                    return frame;
                }
                case END -> openNextSegment();
                default -> {
                    boolean last = segmentIndex == segments.size() - 1;
                    if (last && zerosToTheEnd()) {
                        result = new Result(expected, null, false,
                                new UnusedTail(segment, offset, data.length - offset));
                        return null;
                    }
                    String what = decoded.status() == FrameCodec.Status.INCOMPLETE
                            ? "incomplete frame" : "frame with bad length or CRC";
                    stop(what + " at sequence " + expected, last && !continues());
                    return null;
                }
            }
        }
        return null;
    }

    /** How reading ended; valid once {@link #next()} has returned null. */
    public Result result() {
        if (result == null) {
            throw new IllegalStateException("the log has not been read to its end");
        }
        return result;
    }

    private void openNextSegment() throws IOException {
        if (segmentIndex + 1 == segments.size()) {
            result = new Result(expected, null, false, null);
            return;
        }
        segment = segments.get(++segmentIndex);
        data = Files.readAllBytes(segment);
        offset = 0;
        long first = SegmentFiles.firstSequence(segment);
        if (first != expected) {
            stop("segment starts at sequence " + first + " but " + expected + " was expected", false);
        }
    }

    private void stop(String description, boolean tornTail) {
        result = new Result(expected, new Fault(segment, offset, data.length - offset, description), tornTail, null);
    }

    /** Whether every byte from the current offset to the end of the segment is zero. */
    private boolean zerosToTheEnd() {
        for (int p = offset; p < data.length; p++) {
            if (data[p] != 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether a valid frame for this or the next sequence number appears after the bad one. */
    private boolean continues() {
        ByteBuffer view = ByteBuffer.wrap(data);
        for (int p = offset + 1; p + FrameCodec.HEADER_BYTES <= data.length; p++) {
            long sequence = view.getLong(p);
            if ((sequence == expected || sequence == expected + 1)
                    && FrameCodec.read(data, p, data.length, maxPayloadBytes).status() == FrameCodec.Status.FRAME) {
                return true;
            }
        }
        return false;
    }
}
