package org.hipaaiam.audit.ledger;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What start-up recovery found. Torn tails are bytes of writes that were never acknowledged
 * (a crash during a group commit); they were cut off. The caller should record this event.
 *
 * @param repairs the torn tails cut off, empty after a clean shutdown
 * @param shardSizes the number of entries in each shard after recovery, by origin
 */
public record RecoveryReport(List<TornTail> repairs, Map<String, Long> shardSizes) {

    /** One cut-off tail: which file, from which offset, how many bytes, and why. */
    public record TornTail(String origin, Path file, long offset, long bytesRemoved, String reason) {
    }

    public RecoveryReport {
        repairs = List.copyOf(repairs);
        shardSizes = Map.copyOf(shardSizes);
    }

    public boolean repaired() {
        return !repairs.isEmpty();
    }
}
