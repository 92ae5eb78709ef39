package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Folder layout of a ledger:
 * <pre>
 * &lt;log dir&gt;/ledger.vkey                      public key, for convenience (not a trust anchor)
 * &lt;log dir&gt;/&lt;period&gt;/entries/segment-*.log      records
 * &lt;log dir&gt;/&lt;period&gt;/checkpoints/segment-*.log  signed checkpoints, same framing
 * </pre>
 */
public final class LedgerLayout {

    public static final String VERIFIER_KEY_FILE = "ledger.vkey";
    static final String LOCK_FILE = "ledger.lock";
    /** Checkpoint notes are small; anything bigger in a checkpoint log is damage. */
    public static final int MAX_CHECKPOINT_BYTES = 64 * 1024;

    private LedgerLayout() {
    }

    public static Path entries(Path shardDirectory) {
        return shardDirectory.resolve("entries");
    }

    public static Path checkpoints(Path shardDirectory) {
        return shardDirectory.resolve("checkpoints");
    }

    public static String origin(String keyName, String periodLabel) {
        return keyName + "/" + periodLabel;
    }

    /** Shard folders in period order. */
    public static List<Path> shards(Path logDirectory) {
        if (!Files.isDirectory(logDirectory)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(logDirectory)) {
            return children.filter(Files::isDirectory)
                    .filter(p -> ShardPeriod.ofLabel(p.getFileName().toString()).isPresent())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
