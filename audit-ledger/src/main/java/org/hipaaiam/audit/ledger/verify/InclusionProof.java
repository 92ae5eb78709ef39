package org.hipaaiam.audit.ledger.verify;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An offline proof that one record is in a log, in the C2SP tlog-proof@v1 text format. The
 * {@code extra} line carries the record's 8-byte event time, which the leaf hash covers along
 * with the record bytes.
 */
public record InclusionProof(byte[] extra, long index, List<byte[]> hashes, String checkpoint) {

    private static final String HEADER = "c2sp.org/tlog-proof@v1";

    public InclusionProof {
        extra = extra.clone();
        hashes = List.copyOf(hashes);
    }

    @Override
    public byte[] extra() {
        return extra.clone();
    }

    public String format() {
        Base64.Encoder b64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra.length > 0) {
            out.append("extra ").append(b64.encodeToString(extra)).append('\n');
        }
        out.append("index ").append(index).append('\n');
        hashes.forEach(h -> out.append(b64.encodeToString(h)).append('\n'));
        return out.append('\n').append(checkpoint).toString();
    }

    public static InclusionProof parse(String text) {
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("proof has no blank line before its checkpoint");
        }
        String[] lines = text.substring(0, blank).split("\n");
        if (!lines[0].equals(HEADER)) {
            throw new IllegalArgumentException("not a " + HEADER + " proof");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        int line = 1;
        byte[] extra = new byte[0];
        if (line < lines.length && lines[line].startsWith("extra ")) {
            extra = b64.decode(lines[line++].substring("extra ".length()));
        }
        if (line >= lines.length || !lines[line].matches("index (0|[1-9][0-9]{0,18})")) {
            throw new IllegalArgumentException("proof has no valid index line");
        }
        long index = Long.parseLong(lines[line++].substring("index ".length()));
        List<byte[]> hashes = new ArrayList<>();
        for (; line < lines.length; line++) {
            byte[] hash = b64.decode(lines[line]);
            if (hash.length != 32) {
                throw new IllegalArgumentException("proof hash of " + hash.length + " bytes");
            }
            hashes.add(hash);
        }
        return new InclusionProof(extra, index, hashes, text.substring(blank + 2));
    }
}
