package org.hipaaiam.audit.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the writer that every storage backend shares; defaults in {@link LedgerConfig}.
 *
 * @param shardPeriod one log per UTC year by default
 * @param checkpointInterval how often a checkpoint is signed when the tree grew; zero signs after every batch
 * @param maxBatchSize most records made durable together
 * @param queueCapacity records waiting for the writer before {@code append} blocks (back-pressure)
 * @param maxRecordBytes largest record accepted
 */
public record WriterSettings(ShardPeriod shardPeriod, Duration checkpointInterval, int maxBatchSize,
                             int queueCapacity, int maxRecordBytes) {

    public WriterSettings {
        Objects.requireNonNull(shardPeriod, "shardPeriod");
        Objects.requireNonNull(checkpointInterval, "checkpointInterval");
        if (checkpointInterval.isNegative() || maxBatchSize < 1 || queueCapacity < 1 || maxRecordBytes < 1) {
            throw new IllegalArgumentException(
                    "checkpointInterval, maxBatchSize, queueCapacity and maxRecordBytes must be positive");
        }
    }

    public static WriterSettings defaults() {
        return new WriterSettings(LedgerConfig.DEFAULT_SHARD_PERIOD, LedgerConfig.DEFAULT_CHECKPOINT_INTERVAL,
                LedgerConfig.DEFAULT_MAX_BATCH_SIZE, LedgerConfig.DEFAULT_QUEUE_CAPACITY,
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES);
    }
}
