package org.hipaaiam.auth.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BadgeKeyTest {

    @TempDir
    Path folder;

    @Test
    void inDevelopmentTheKeyFileIsCreatedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        Path file = folder.resolve("keys/hipaa-badge.key");
        BadgeNumber badge = BadgeNumber.parse("0004821").orElseThrow();
        String first = BadgeKey.fromFile(file, true).hash(badge);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(first, BadgeKey.fromFile(file, false).hash(badge), "the same key after a restart, also in production");
        assertNotEquals(first, BadgeKey.fromFile(folder.resolve("other.key"), true).hash(badge), "another key, another hash");
    }

    @Test
    void outsideDevelopmentAMissingKeyFileIsRefusedNotGenerated() {
        Path file = folder.resolve("lost-volume/hipaa-badge.key");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> BadgeKey.fromFile(file, false));
        assertTrue(refused.getMessage().contains("never generated"), refused.getMessage());
        assertFalse(Files.exists(file), "no new key that would orphan every enrolled badge");
    }

    @Test
    void hashRevealsNothingOfTheNumber() {
        BadgeKey key = BadgeKey.of(new byte[32]);
        String hash = key.hash(BadgeNumber.parse("0004821").orElseThrow());
        assertFalse(hash.contains("4821"));
        assertEquals(43, hash.length(), "base64url of 32 bytes");
    }

    @Test
    void badgeNumbersAreNormalisedAndValidated() {
        BadgeKey key = BadgeKey.of(new byte[32]);
        assertEquals(key.hash(BadgeNumber.parse("ab12cd").orElseThrow()), key.hash(BadgeNumber.parse("  AB12CD\n").orElseThrow()));
        assertTrue(BadgeNumber.parse("12").isEmpty());
        assertTrue(BadgeNumber.parse("12 34").isEmpty());
        assertTrue(BadgeNumber.parse(null).isEmpty());
        assertEquals("BadgeNumber[redacted]", BadgeNumber.parse("4821").orElseThrow().toString());
    }
}
