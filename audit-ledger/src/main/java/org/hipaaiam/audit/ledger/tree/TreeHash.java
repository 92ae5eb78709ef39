package org.hipaaiam.audit.ledger.tree;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** RFC 6962 hashing: leaves and interior nodes are domain-separated so one can never pass for the other. */
public final class TreeHash {

    public static final int SIZE = 32;
    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TreeHash::newSha256);
    /** Scratch for the leaf prefix byte and the 8-byte event time of {@link #leaf(long, byte[])}. */
    private static final ThreadLocal<byte[]> LEAF_AND_TIME = ThreadLocal.withInitial(() -> new byte[1 + Long.BYTES]);

    private TreeHash() {
    }

    /** Root of the tree with no leaves: SHA-256 of the empty string. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] leaf(byte[] data) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(data);
        return digest.digest();
    }

    /**
     * Leaf hash of {@code time (8 bytes, big-endian) || payload}, the leaf data of a ledger
     * record, without copying the payload into a new array first.
     */
    public static byte[] leaf(long timestampMillis, byte[] payload) {
        byte[] prefix = LEAF_AND_TIME.get();
        for (int i = 8; i >= 1; i--) {
            prefix[i] = (byte) timestampMillis;
            timestampMillis >>>= 8;
        }
        MessageDigest digest = sha256();
        digest.update(prefix);
        digest.update(payload);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    private static MessageDigest sha256() {
        MessageDigest digest = SHA256.get();
        digest.reset();
        return digest;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
