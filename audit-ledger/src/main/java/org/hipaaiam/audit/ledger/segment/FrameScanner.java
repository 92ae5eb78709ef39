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
 */
public final class FrameScanner {

    /** Where reading stopped for a reason other than the end of the log. */
    public record Fault(Path segment, long offset, long bytesAfter, String description) {
    }

    /**
     * @param frames the number of valid, continuous frames read
     * @param fault the first fault found, or null
     * @param tornTail whether the fault is a torn tail (see class comment)
     */
    public record Result(long frames, Fault fault, boolean tornTail) {
        public boolean clean() {
            return fault == null;
        }
    }

    private FrameScanner() {
    }

    public static Result scan(Path directory, int maxPayloadBytes, Consumer<Frame> visitor) throws IOException {
        List<Path> segments = SegmentFiles.list(directory);
        long expected = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = segments.get(i);
            boolean last = i == segments.size() - 1;
            long first = SegmentFiles.firstSequence(segment);
            if (first != expected) {
                return new Result(expected, new Fault(segment, 0, Files.size(segment),
                        "segment starts at sequence " + first + " but " + expected + " was expected"), false);
            }
            byte[] data = Files.readAllBytes(segment);
            int offset = 0;
            while (true) {
                FrameCodec.Decoded decoded = FrameCodec.read(data, offset, data.length, maxPayloadBytes);
                if (decoded.status() == FrameCodec.Status.END) {
                    break;
                }
                if (decoded.status() == FrameCodec.Status.FRAME) {
                    Frame frame = decoded.frame();
                    if (frame.sequence() != expected) {
                        return new Result(expected, new Fault(segment, offset, data.length - offset,
                                "frame has sequence " + frame.sequence() + " but " + expected + " was expected"), false);
                    }
                    visitor.accept(frame);
                    expected++;
                    offset = decoded.end();
                    continue;
                }
                String what = decoded.status() == FrameCodec.Status.INCOMPLETE
                        ? "incomplete frame" : "frame with bad length or CRC";
                boolean torn = last && !continues(data, offset, expected, maxPayloadBytes);
                return new Result(expected, new Fault(segment, offset, data.length - offset,
                        what + " at sequence " + expected), torn);
            }
        }
        return new Result(expected, null, false);
    }

    /** Whether a valid frame for this or the next sequence number appears after a bad one. */
    private static boolean continues(byte[] data, int badOffset, long expected, int maxPayloadBytes) {
        ByteBuffer view = ByteBuffer.wrap(data);
        for (int p = badOffset + 1; p + FrameCodec.HEADER_BYTES <= data.length; p++) {
            long sequence = view.getLong(p);
            if ((sequence == expected || sequence == expected + 1)
                    && FrameCodec.read(data, p, data.length, maxPayloadBytes).status() == FrameCodec.Status.FRAME) {
                return true;
            }
        }
        return false;
    }
}
