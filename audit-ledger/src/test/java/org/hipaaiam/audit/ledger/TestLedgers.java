package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;

/** A ledger in a scratch folder: key in {@code <root>/keys}, log in {@code <root>/log}. */
public final class TestLedgers {

    public static final String KEY_NAME = "hospital.example/kc-audit/node1";
    /** 2026-03-01T00:00:00Z */
    public static final long MARCH_2026 = 1_772_323_200_000L;

    private TestLedgers() {
    }

    public static Path keyFile(Path root) throws IOException {
        Path key = root.resolve("keys").resolve("ledger.key");
        if (!Files.exists(key)) {
            Files.createDirectories(key.getParent());
            NoteSigningKey.generate(KEY_NAME).write(key);
        }
        return key;
    }

    public static Path logDirectory(Path root) {
        return root.resolve("log");
    }

    /** Checkpoints after every batch, so every acknowledged record is covered by one. */
    public static LedgerConfig.Builder config(Path root) throws IOException {
        return LedgerConfig.builder(logDirectory(root), keyFile(root)).checkpointInterval(Duration.ZERO);
    }

    public static byte[] record(int n) {
        return ("{\"class_uid\":3002,\"metadata\":{\"uid\":\"" + n + "\"},\"user\":{\"name\":\"jsmith" + n + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    public static Path shard(Path root, String label) {
        return logDirectory(root).resolve(label);
    }

    public static List<Path> entrySegments(Path root, String label) {
        return SegmentFiles.list(LedgerLayout.entries(shard(root, label)));
    }
}
