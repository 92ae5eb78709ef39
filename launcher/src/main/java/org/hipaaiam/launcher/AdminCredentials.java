package org.hipaaiam.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master-realm bootstrap administrator of a local install. The password is random per state folder
 * (never a well-known default) and kept in a file only its owner can read.
 */
record AdminCredentials(String username, String password) {

    static final String USERNAME = "admin";
    private static final String FILE = "bootstrap-admin-password";

    static AdminCredentials loadOrCreate(Path stateDir) throws IOException {
        Path file = stateDir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            return new AdminCredentials(USERNAME, Files.readString(file, StandardCharsets.UTF_8).trim());
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.createDirectories(stateDir);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file inherits the folder's ACL.
        }
        return new AdminCredentials(USERNAME, password);
    }

    static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }
}
