package org.hipaaiam.audit.ledger.checkpoint;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A C2SP signed note: the text (ending in a newline), a blank line, then one or more lines
 * {@code — <key name> base64(key id || signature)}.
 */
public record SignedNote(String text, List<Signature> signatures) {

    private static final String SIGNATURE_PREFIX = "\u2014 ";
    /** C2SP asks verifiers to accept at least 16 signatures; more than this is refused. */
    private static final int MAX_SIGNATURES = 64;

    public record Signature(String keyName, int keyId, byte[] signature) {
        String line() {
            byte[] blob = new byte[4 + signature.length];
            blob[0] = (byte) (keyId >>> 24);
            blob[1] = (byte) (keyId >>> 16);
            blob[2] = (byte) (keyId >>> 8);
            blob[3] = (byte) keyId;
            System.arraycopy(signature, 0, blob, 4, signature.length);
            return SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }

    public static SignedNote parse(String note) {
        for (int i = 0; i < note.length(); i++) {
            char c = note.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new IllegalArgumentException("signed note contains a control character");
            }
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("signed note has no blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        String[] lines = note.substring(split + 2, note.length() - 1).split("\n");
        if (lines.length > MAX_SIGNATURES) {
            throw new IllegalArgumentException("signed note has too many signatures");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith(SIGNATURE_PREFIX)) {
                throw new IllegalArgumentException("malformed signature line: " + line);
            }
            String[] parts = line.substring(SIGNATURE_PREFIX.length()).split(" ", -1);
            byte[] blob = parts.length == 2 ? Base64.getDecoder().decode(parts[1]) : new byte[0];
            if (parts[0].isEmpty() || blob.length < 5) {
                throw new IllegalArgumentException("malformed signature line: " + line);
            }
            int keyId = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8)
                    | (blob[3] & 0xff);
            byte[] signature = new byte[blob.length - 4];
            System.arraycopy(blob, 4, signature, 0, signature.length);
            signatures.add(new Signature(parts[0], keyId, signature));
        }
        return new SignedNote(text, signatures);
    }
}
