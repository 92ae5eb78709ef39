package org.hipaaiam.audit.ledger.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * An Ed25519 note signing key, stored as the Go note signer text
 * {@code PRIVATE+KEY+<name>+<hex key id>+<base64(0x01 || 32-byte seed)>}.
 */
public final class NoteSigningKey {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final PrivateKey privateKey;
    private final byte[] seed;
    private final NoteVerifierKey verifierKey;

    private NoteSigningKey(String name, byte[] seed) throws GeneralSecurityException {
        this.seed = seed.clone();
        this.privateKey = Ed25519.privateKey(seed);
        this.verifierKey = new NoteVerifierKey(name, Ed25519.publicKeyOf(seed));
    }

    public static NoteSigningKey generate(String name) {
        try {
            return new NoteSigningKey(name, Ed25519.newSeed());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is required by Java 15 and later", e);
        }
    }

    public static NoteSigningKey parse(String text) {
        String trimmed = text.trim();
        String[] parts = trimmed.startsWith(PREFIX)
                ? trimmed.substring(PREFIX.length()).split("\\+", 3) : new String[0];
        if (parts.length != 3) {
            throw new IllegalArgumentException("a signing key reads PRIVATE+KEY+<name>+<key id>+<key data>");
        }
        byte[] data = Base64.getDecoder().decode(parts[2]);
        if (data.length != 1 + Ed25519.KEY_BYTES || data[0] != NoteVerifierKey.ED25519_TYPE) {
            throw new IllegalArgumentException("only Ed25519 signing keys are supported");
        }
        byte[] seed = new byte[Ed25519.KEY_BYTES];
        System.arraycopy(data, 1, seed, 0, seed.length);
        try {
            NoteSigningKey key = new NoteSigningKey(parts[0], seed);
            if (!parts[1].equals(String.format("%08x", key.verifierKey.keyId()))) {
                throw new IllegalArgumentException("signing key id " + parts[1] + " does not match its name and key");
            }
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 signing key", e);
        }
    }

    public static NoteSigningKey read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /**
     * Writes the key readable by its owner only (where the file system has POSIX permissions), created with those
     * permissions so that no moment exists in which another account could open it.
     */
    public void write(Path file) throws IOException {
        byte[] text = (format() + "\n").getBytes(StandardCharsets.UTF_8);
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        FileAttribute<?>[] ownerOnly = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(file, options, ownerOnly)) {
            channel.write(ByteBuffer.wrap(text));
        }
    }

    public String format() {
        byte[] data = new byte[1 + Ed25519.KEY_BYTES];
        data[0] = NoteVerifierKey.ED25519_TYPE;
        System.arraycopy(seed, 0, data, 1, Ed25519.KEY_BYTES);
        return PREFIX + verifierKey.name() + "+" + String.format("%08x", verifierKey.keyId()) + "+"
                + Base64.getEncoder().encodeToString(data);
    }

    public NoteVerifierKey verifierKey() {
        return verifierKey;
    }

    public String name() {
        return verifierKey.name();
    }

    public SignedNote sign(String text) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            return new SignedNote(text, List.of(new SignedNote.Signature(name(), verifierKey.keyId(), signature)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }
}
