package org.hipaaiam.audit.ledger.checkpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/**
 * An Ed25519 note verifier key, written as the C2SP/Go "vkey" text
 * {@code <name>+<hex key id>+<base64(0x01 || 32-byte public key)>}.
 */
public final class NoteVerifierKey {

    static final byte ED25519_TYPE = 0x01;

    private final String name;
    private final byte[] publicKey;
    private final int keyId;
    private final PublicKey jdkKey;

    NoteVerifierKey(String name, byte[] publicKey) {
        if (name.isEmpty() || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("key name must be non-empty, without spaces or '+': " + name);
        }
        this.name = name;
        this.publicKey = publicKey.clone();
        this.keyId = keyId(name, publicKey);
        try {
            this.jdkKey = Ed25519.publicKey(publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** C2SP signed-note key ID: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || public key), big-endian. */
    public static int keyId(String name, byte[] publicKey) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] input = new byte[nameBytes.length + 2 + publicKey.length];
        System.arraycopy(nameBytes, 0, input, 0, nameBytes.length);
        input[nameBytes.length] = '\n';
        input[nameBytes.length + 1] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, input, nameBytes.length + 2, publicKey.length);
        byte[] hash = TreeHash.sha256(input);
        return ((hash[0] & 0xff) << 24) | ((hash[1] & 0xff) << 16) | ((hash[2] & 0xff) << 8) | (hash[3] & 0xff);
    }

    public static NoteVerifierKey parse(String vkey) {
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new IllegalArgumentException("a verifier key reads <name>+<key id>+<key data>");
        }
        byte[] data = Base64.getDecoder().decode(parts[2]);
        if (data.length != 1 + Ed25519.KEY_BYTES || data[0] != ED25519_TYPE) {
            throw new IllegalArgumentException("only Ed25519 verifier keys are supported");
        }
        byte[] raw = new byte[Ed25519.KEY_BYTES];
        System.arraycopy(data, 1, raw, 0, raw.length);
        NoteVerifierKey key = new NoteVerifierKey(parts[0], raw);
        if (!parts[1].equals(String.format("%08x", key.keyId))) {
            throw new IllegalArgumentException("verifier key id " + parts[1] + " does not match its name and key");
        }
        return key;
    }

    public static NoteVerifierKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    public String format() {
        byte[] data = new byte[1 + Ed25519.KEY_BYTES];
        data[0] = ED25519_TYPE;
        System.arraycopy(publicKey, 0, data, 1, Ed25519.KEY_BYTES);
        return name + "+" + String.format("%08x", keyId) + "+" + Base64.getEncoder().encodeToString(data);
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    /**
     * C2SP verification rule: signatures by other keys are ignored; the note is accepted when a
     * signature of this key (same name and key ID) is present and every such signature verifies.
     */
    public boolean verifies(SignedNote note) {
        boolean verified = false;
        for (SignedNote.Signature s : note.signatures()) {
            if (!s.keyName().equals(name) || s.keyId() != keyId) {
                continue;
            }
            if (!verifySignature(note.text(), s.signature())) {
                return false;
            }
            verified = true;
        }
        return verified;
    }

    private boolean verifySignature(String text, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(jdkKey);
            verifier.update(text.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
