package org.hipaaiam.audit.ledger;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of an {@link AuditLedger}, read once at open. Defaults are the constants below.
 *
 * @param logDirectory where the shards live; nothing in it is ever deleted by the ledger
 * @param signingKeyFile the Ed25519 note signing key; must lie outside {@code logDirectory}.
 *        Its key name is the origin prefix: shard origins read {@code <key name>/<period>}
 * @param shardPeriod one log per UTC year by default
 * @param segmentMaxBytes size at which a segment file is closed and the next one started
 * @param checkpointInterval how often a checkpoint is signed when the tree grew; zero signs after every batch
 * @param maxBatchSize most records written with one fdatasync
 * @param queueCapacity records waiting for the writer before {@code append} blocks (back-pressure)
 * @param maxRecordBytes largest record accepted
 * @param segmentPreallocateBytes zeros written ahead of the frames of the open segment at a time, so
 *        that most group commits neither grow the file nor make fdatasync commit the file system
 *        journal; 0 (the default) lets the file grow with every commit. Readers in this module
 *        (recovery, verifier, CLI) treat the zeros as the end of the log; a reader that follows
 *        the file size while the ledger writes (the SIEM forwarder's tail) does not, so leave 0
 *        where one runs
 */
public record LedgerConfig(Path logDirectory, Path signingKeyFile, ShardPeriod shardPeriod, long segmentMaxBytes,
                           Duration checkpointInterval, int maxBatchSize, int queueCapacity, int maxRecordBytes,
                           long segmentPreallocateBytes) {

    public static final ShardPeriod DEFAULT_SHARD_PERIOD = ShardPeriod.YEAR;
    public static final long DEFAULT_SEGMENT_MAX_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(1);
    public static final int DEFAULT_MAX_BATCH_SIZE = 512;
    public static final int DEFAULT_QUEUE_CAPACITY = 8192;
    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
    public static final long DEFAULT_SEGMENT_PREALLOCATE_BYTES = 0;
    /** Segments are read whole when verified, so they stay well below the 2 GiB array limit. */
    public static final long MAX_SEGMENT_BYTES = 512L * 1024 * 1024;

    public LedgerConfig {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        new WriterSettings(shardPeriod, checkpointInterval, maxBatchSize, queueCapacity, maxRecordBytes);
        if (segmentMaxBytes > MAX_SEGMENT_BYTES || segmentMaxBytes < 2L * (maxRecordBytes + 64)) {
            throw new IllegalArgumentException("segmentMaxBytes must hold two of the largest records and be at most "
                    + MAX_SEGMENT_BYTES);
        }
        if (segmentPreallocateBytes < 0 || segmentPreallocateBytes > segmentMaxBytes) {
            throw new IllegalArgumentException("segmentPreallocateBytes must be between 0 and segmentMaxBytes");
        }
    }

    /** The settings shared with other storage backends. */
    public WriterSettings writerSettings() {
        return new WriterSettings(shardPeriod, checkpointInterval, maxBatchSize, queueCapacity, maxRecordBytes);
    }

    public static Builder builder(Path logDirectory, Path signingKeyFile) {
        return new Builder(logDirectory, signingKeyFile);
    }

    public static final class Builder {
        private final Path logDirectory;
        private final Path signingKeyFile;
        private ShardPeriod shardPeriod = DEFAULT_SHARD_PERIOD;
        private long segmentMaxBytes = DEFAULT_SEGMENT_MAX_BYTES;
        private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
        private int maxBatchSize = DEFAULT_MAX_BATCH_SIZE;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private int maxRecordBytes = DEFAULT_MAX_RECORD_BYTES;
        private long segmentPreallocateBytes = DEFAULT_SEGMENT_PREALLOCATE_BYTES;

        private Builder(Path logDirectory, Path signingKeyFile) {
            this.logDirectory = logDirectory;
            this.signingKeyFile = signingKeyFile;
        }

        public Builder shardPeriod(ShardPeriod value) {
            shardPeriod = value;
            return this;
        }

        public Builder segmentMaxBytes(long value) {
            segmentMaxBytes = value;
            return this;
        }

        public Builder checkpointInterval(Duration value) {
            checkpointInterval = value;
            return this;
        }

        public Builder maxBatchSize(int value) {
            maxBatchSize = value;
            return this;
        }

        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        public Builder maxRecordBytes(int value) {
            maxRecordBytes = value;
            return this;
        }

        public Builder segmentPreallocateBytes(long value) {
            segmentPreallocateBytes = value;
            return this;
        }

        public LedgerConfig build() {
            return new LedgerConfig(logDirectory, signingKeyFile, shardPeriod, segmentMaxBytes, checkpointInterval,
                    maxBatchSize, queueCapacity, maxRecordBytes, segmentPreallocateBytes);
        }
    }
}
