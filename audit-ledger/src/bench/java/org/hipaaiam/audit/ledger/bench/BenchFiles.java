package org.hipaaiam.audit.ledger.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;

/** Scratch folders on the working disk (not tmpfs, which would make fdatasync free). */
final class BenchFiles {

    static final int RECORD_BYTES = 512;
    /** 2026-03-01T00:00:00Z */
    static final long MARCH_2026 = 1_772_323_200_000L;

    private BenchFiles() {
    }

    static Path scratch() throws IOException {
        Path base = Path.of("target", "bench");
        Files.createDirectories(base);
        return Files.createTempDirectory(base.toAbsolutePath(), "run");
    }

    static LedgerConfig ledgerConfig(Path scratch) throws IOException {
        return ledgerConfig(scratch, LedgerConfig.DEFAULT_SEGMENT_PREALLOCATE_BYTES);
    }

    static LedgerConfig ledgerConfig(Path scratch, long segmentPreallocateBytes) throws IOException {
        Path key = scratch.resolve("ledger.key");
        NoteSigningKey.generate("bench.example/audit").write(key);
        return LedgerConfig.builder(scratch.resolve("log"), key).segmentPreallocateBytes(segmentPreallocateBytes).build();
    }

    static byte[] record() {
        StringBuilder json = new StringBuilder("{\"class_uid\":3002,\"pad\":\"");
        while (json.length() < RECORD_BYTES - 2) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    static void delete(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
