package org.hipaaiam.audit.ledger.checkpoint;

import java.util.Arrays;
import java.util.Base64;

/**
 * The body of a C2SP tlog-checkpoint: origin line, tree size, base64 root hash. No extension
 * lines: monitors cannot audit them.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

    public Checkpoint {
        if (origin.isEmpty() || origin.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("origin must be non-empty, without spaces or '+': " + origin);
        }
        if (size < 0 || rootHash.length != 32) {
            throw new IllegalArgumentException("bad checkpoint size or root hash length");
        }
        rootHash = rootHash.clone();
    }

    @Override
    public byte[] rootHash() {
        return rootHash.clone();
    }

    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    public static Checkpoint parseBody(String text) {
        String[] lines = text.split("\n", -1);
        if (lines.length != 4 || !lines[3].isEmpty()) {
            throw new IllegalArgumentException("a checkpoint body has exactly three lines (origin, size, root hash)");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("bad tree size line: " + lines[1]);
        }
        return new Checkpoint(lines[0], Long.parseLong(lines[1]), Base64.getDecoder().decode(lines[2]));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Checkpoint c && c.origin.equals(origin) && c.size == size
                && Arrays.equals(c.rootHash, rootHash);
    }

    @Override
    public int hashCode() {
        return origin.hashCode() * 31 + Long.hashCode(size) * 17 + Arrays.hashCode(rootHash);
    }

    @Override
    public String toString() {
        return body().replace('\n', ' ').trim();
    }
}
