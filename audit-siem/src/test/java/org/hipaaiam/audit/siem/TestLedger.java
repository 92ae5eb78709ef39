package org.hipaaiam.audit.siem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;

/** A real audit ledger in a scratch folder: key in {@code <root>/keys}, log in {@code <root>/ledger}. */
final class TestLedger {

    static final String KEY_NAME = "hospital.example/kc-audit/node1";

    private TestLedger() {
    }

    static Path keyFile(Path root) throws IOException {
        Path key = root.resolve("keys/ledger.key");
        if (!Files.exists(key)) {
            Files.createDirectories(key.getParent());
            NoteSigningKey.generate(KEY_NAME).write(key);
        }
        return key;
    }

    static Path directory(Path root) {
        return root.resolve("ledger");
    }

    /** Checkpoints every 50 ms so that forwarding, which waits for a checkpoint, follows quickly. */
    static LedgerConfig.Builder config(Path root) throws IOException {
        return LedgerConfig.builder(directory(root), keyFile(root)).checkpointInterval(Duration.ofMillis(50));
    }

    static AuditLedger open(Path root) throws IOException {
        return AuditLedger.open(config(root).build());
    }

    /** A login event as canonical JSON, with a non-ASCII name so byte fidelity is tested too. */
    static byte[] record(int n) {
        return ("{\"class_uid\":3002,\"metadata\":{\"uid\":\"" + n + "\"},\"status_id\":" + (n % 5 == 0 ? 2 : 1)
                + ",\"user\":{\"name\":\"Zoë Müller " + n + "\"}}").getBytes(StandardCharsets.UTF_8);
    }
}
