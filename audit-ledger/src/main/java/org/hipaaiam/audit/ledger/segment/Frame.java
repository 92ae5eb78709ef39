package org.hipaaiam.audit.ledger.segment;

import java.nio.ByteBuffer;

/**
 * One stored record: its sequence number in the log, the event time and the opaque payload.
 * The Merkle leaf commits to the event time as well as the payload, so neither can be changed
 * without changing the tree.
 */
public record Frame(long sequence, long timestampMillis, byte[] payload) {

    /** The leaf data of the RFC 6962 tree: 8-byte big-endian event time, then the payload. */
    public byte[] leafData() {
        return leafData(timestampMillis, payload);
    }

    public static byte[] leafData(long timestampMillis, byte[] payload) {
        return ByteBuffer.allocate(Long.BYTES + payload.length).putLong(timestampMillis).put(payload).array();
    }
}
