package org.hipaaiam.auth.badge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that stands in for a badge number wherever it is stored: HMAC-SHA256 under a key kept in a
 * file outside the database, so a database dump neither reveals badge numbers nor lets anyone try the small
 * badge-number space offline.
 */
public final class BadgeKey {

    private static final int KEY_BYTES = 32;
    private final SecretKeySpec key;

    private BadgeKey(byte[] key) {
        this.key = new SecretKeySpec(key, "HmacSHA256");
    }

    public static BadgeKey of(byte[] key) {
        if (key.length < KEY_BYTES) {
            throw new IllegalArgumentException("the badge key needs at least " + KEY_BYTES + " bytes");
        }
        return new BadgeKey(key.clone());
    }

    /**
     * Reads the key file. A missing file is created (owner read/write only) with a fresh random key only when
     * `createIfAbsent`: in development. Elsewhere a missing key means a lost volume or a new node, and a new key
     * would silently make every enrolled badge stop matching, so it is refused.
     */
    public static BadgeKey fromFile(Path file, boolean createIfAbsent) {
        try {
            if (!Files.exists(file)) {
                if (!createIfAbsent) {
                    throw new IllegalStateException("The badge key file " + file + " does not exist. Outside development mode it is never "
                            + "generated: provision the same key on every node (32 random bytes, base64, mode 600), e.g. "
                            + "head -c 32 /dev/urandom | base64 > " + file + "; chmod 600 " + file);
                }
                createKeyFile(file);
            }
            return of(Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the badge key file " + file, e);
        }
    }

    private static void createKeyFile(Path file) throws IOException {
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
            // another node or thread created it first: use theirs
        }
    }

    /** The stored form of a badge number (already normalised by {@link BadgeNumber}). */
    public String hash(BadgeNumber badge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(badge.value().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
