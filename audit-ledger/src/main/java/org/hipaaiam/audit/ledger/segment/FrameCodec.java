package org.hipaaiam.audit.ledger.segment;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * Frame layout, all integers big-endian:
 * {@code sequence u64 | timestampMillis i64 | length u32 | payload | crc32c u32},
 * the CRC-32C covering every byte before it.
 */
public final class FrameCodec {

    public static final int HEADER_BYTES = Long.BYTES + Long.BYTES + Integer.BYTES;
    public static final int TRAILER_BYTES = Integer.BYTES;

    /** What was found at an offset: a whole frame, the end of the data, or something else. */
    public enum Status { FRAME, END, INCOMPLETE, CORRUPT }

    public record Decoded(Status status, Frame frame, int end) {
    }

    private FrameCodec() {
    }

    public static int frameSize(int payloadLength) {
        return HEADER_BYTES + payloadLength + TRAILER_BYTES;
    }

    public static void write(ByteBuffer out, long sequence, long timestampMillis, byte[] payload) {
        int start = out.position();
        out.putLong(sequence).putLong(timestampMillis).putInt(payload.length).put(payload);
        out.putInt(crc(out.array(), out.arrayOffset() + start, out.position() - start));
    }

    public static byte[] encode(Frame frame) {
        ByteBuffer out = ByteBuffer.allocate(frameSize(frame.payload().length));
        write(out, frame.sequence(), frame.timestampMillis(), frame.payload());
        return out.array();
    }

    /** Decodes the frame starting at {@code offset} of {@code data[0, limit)}. */
    public static Decoded read(byte[] data, int offset, int limit, int maxPayloadBytes) {
        if (offset == limit) {
            return new Decoded(Status.END, null, offset);
        }
        if (limit - offset < HEADER_BYTES) {
            return new Decoded(Status.INCOMPLETE, null, offset);
        }
        ByteBuffer header = ByteBuffer.wrap(data, offset, HEADER_BYTES);
        long sequence = header.getLong();
        long timestamp = header.getLong();
        int length = header.getInt();
        if (length < 0 || length > maxPayloadBytes) {
            return new Decoded(Status.CORRUPT, null, offset);
        }
        long end = (long) offset + frameSize(length);
        if (end > limit) {
            return new Decoded(Status.INCOMPLETE, null, offset);
        }
        int crcAt = (int) end - TRAILER_BYTES;
        int stored = ByteBuffer.wrap(data, crcAt, TRAILER_BYTES).getInt();
        if (stored != crc(data, offset, crcAt - offset)) {
            return new Decoded(Status.CORRUPT, null, offset);
        }
        byte[] payload = new byte[length];
        System.arraycopy(data, offset + HEADER_BYTES, payload, 0, length);
        return new Decoded(Status.FRAME, new Frame(sequence, timestamp, payload), (int) end);
    }

    private static int crc(byte[] data, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(data, offset, length);
        return (int) crc.getValue();
    }
}
