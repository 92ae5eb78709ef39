package org.hipaaiam.docker.production;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * The secrets a hospital supplies at deployment, fresh for each test deployment: client secrets as the
 * environment variables the production realm's placeholders name, the bundle's own secrets as files of
 * Keycloak's file vault (`<realm>_<key>`), the badge key file, and the bootstrap administrator's password (one for
 * every node: only the first node's start creates the administrator).
 */
public record SiteSecrets(String clinicalAppSecret, String hrClientSecret, String hrSigningSecret, String bootstrapAdminPassword,
                          String badgeKey) {

    public static SiteSecrets random() {
        byte[] badgeKey = new byte[32];
        new SecureRandom().nextBytes(badgeKey);
        return new SiteSecrets(random(24), random(24), random(32), random(18), Base64.getEncoder().encodeToString(badgeKey));
    }

    /** The variables `${HIPAA_...}` in realm-export/hipaa-realm.json. */
    Map<String, String> environment() {
        return Map.of("HIPAA_CLINICAL_APP_SECRET", clinicalAppSecret, "HIPAA_HR_FEED_CLIENT_SECRET", hrClientSecret);
    }

    /** Writes the vault the realm's `${vault.hr-feed-signing-secret}` resolves from; readable by its owner only. */
    Path writeVault(Path dir) throws IOException {
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Path file = dir.resolve("hipaa_hr-feed-signing-secret");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, hrSigningSecret, StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * Provisions the badge key as an operator does: outside development the server never generates one, since a
     * new key would make every enrolled badge stop matching. Every node of a deployment gets the same key: a badge
     * enrolled through one node must match on the others.
     */
    void writeBadgeKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, badgeKey + "\n", StandardCharsets.US_ASCII);
        }
    }

    /** A password nobody knows, for a test account. */
    public static String newPassword() {
        return random(18);
    }

    private static String random(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
