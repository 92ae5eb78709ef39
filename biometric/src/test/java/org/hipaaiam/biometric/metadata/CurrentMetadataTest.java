package org.hipaaiam.biometric.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.hipaaiam.testfixtures.TestMetadataService;

/** The metadata in use follows the file an admin replaces, but never goes back to an older or a bad BLOB. */
class CurrentMetadataTest {

    private static final UUID KEY = UUID.fromString("22222222-0000-0000-0000-000000000001");
    private static final Clock DEC_2 = Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC);

    private static TestMetadataService fido;
    private static List<Map<String, Object>> certified;
    private static List<Map<String, Object>> revoked;

    @TempDir
    Path dir;

    @BeforeAll
    static void service() throws Exception {
        fido = new TestMetadataService("Test FIDO");
        List<List<String>> finger = List.of(List.of(TestMetadataService.FINGERPRINT));
        certified = List.of(fido.entry(KEY.toString(), List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01")), finger));
        revoked = List.of(fido.entry(KEY.toString(), List.of(List.of("FIDO_CERTIFIED_L1", "2025-01-01"),
                List.of("REVOKED", "2026-11-30")), finger));
    }

    private CurrentMetadata metadataAt(Path file) {
        return new CurrentMetadata(file, new MetadataBlobFile(file, fido.root, Revocation.off()), DEC_2);
    }

    private void replace(Path file, String blob, int secondsLater) throws Exception {
        Files.writeString(file, blob);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-02T00:00:00Z").plusSeconds(secondsLater)));
    }

    @Test
    void withoutAFileEveryModelIsRefusedWithTheReason() {
        ModelVerdict verdict = metadataAt(dir.resolve("blob.jwt")).verdict(KEY);
        assertTrue(assertInstanceOf(ModelVerdict.Refused.class, verdict).reason().contains("no FIDO metadata BLOB"));
    }

    @Test
    void aNewerBlobPutInPlaceIsTakenAtTheNextDecision() throws Exception {
        Path file = dir.resolve("blob.jwt");
        replace(file, fido.blob(10, "2026-12-31", certified), 0);
        CurrentMetadata metadata = metadataAt(file);
        assertTrue(metadata.verdict(KEY).admitted().isPresent());
        replace(file, fido.blob(11, "2026-12-31", revoked), 60);
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(KEY));
        assertEquals(11, metadata.current().orElseThrow().number());
    }

    @Test
    void anOlderBlobPutBackIsNotTakenAndSaysWhy() throws Exception {
        Path file = dir.resolve("blob.jwt");
        replace(file, fido.blob(11, "2026-12-31", revoked), 0);
        CurrentMetadata metadata = metadataAt(file);
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(KEY));
        replace(file, fido.blob(10, "2026-12-31", certified), 60);
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(KEY));
        assertTrue(metadata.problem().orElseThrow().contains("older than number 11"));
    }

    @Test
    void aBadReplacementKeepsTheGoodBlobInUse() throws Exception {
        Path file = dir.resolve("blob.jwt");
        replace(file, fido.blob(10, "2026-12-31", certified), 0);
        CurrentMetadata metadata = metadataAt(file);
        metadata.current();
        String[] parts = fido.blob(12, "2026-12-31", revoked).split("\\.");
        replace(file, parts[0] + "." + parts[1] + ".AAAA", 60);
        assertTrue(metadata.verdict(KEY).admitted().isPresent());
        assertEquals(10, metadata.current().orElseThrow().number());
        assertTrue(metadata.problem().orElseThrow().contains("refused"));
    }

    @Test
    void aStaleBlobIsReportedAndAdmitsNothing() throws Exception {
        Path file = dir.resolve("blob.jwt");
        replace(file, fido.blob(10, "2026-11-30", certified), 0);
        CurrentMetadata metadata = metadataAt(file);
        assertInstanceOf(ModelVerdict.Refused.class, metadata.verdict(KEY));
        assertTrue(metadata.problem().orElseThrow().contains("out of date"));
    }
}
