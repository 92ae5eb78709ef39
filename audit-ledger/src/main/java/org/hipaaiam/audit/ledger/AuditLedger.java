package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;

/**
 * The tamper-evident, append-only audit ledger. Records are opaque bytes with an event time;
 * {@link #append} returns only once the record is on stable storage.
 *
 * <p>One writer thread owns the files: it takes whatever records are waiting, writes them,
 * calls fdatasync once for the whole group, then acknowledges them all. About once a
 * {@link LedgerConfig#checkpointInterval() checkpoint interval} it signs and stores a
 * checkpoint of each shard that grew.
 */
public final class AuditLedger implements AutoCloseable {

    private final RecoveryReport recoveryReport;
    private final FileChannel lockChannel;
    private final GroupCommitWriter writer;

    private AuditLedger(RecoveryReport report, FileChannel lockChannel, GroupCommitWriter writer) {
        this.recoveryReport = report;
        this.lockChannel = lockChannel;
        this.writer = writer;
    }

    /**
     * Opens (creating if needed) the ledger, recovers every shard and starts the writer.
     *
     * @throws LedgerIntegrityException if the stored log contradicts a signed checkpoint
     * @throws LedgerException if the key is misplaced or another process holds the ledger
     */
    public static AuditLedger open(LedgerConfig config) throws IOException {
        Path logDirectory = config.logDirectory();
        Files.createDirectories(logDirectory);
        Path realLog = logDirectory.toRealPath();
        Path realKey = config.signingKeyFile().toRealPath();
        if (realKey.startsWith(realLog)) {
            throw new LedgerException("the signing key " + realKey + " must not be stored inside the log folder "
                    + realLog + ": whoever can change the log could then re-sign it");
        }
        NoteSigningKey key = NoteSigningKey.read(realKey);
        FileChannel lockChannel = FileChannel.open(logDirectory.resolve(LedgerLayout.LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = tryLock(lockChannel);
            if (lock == null) {
                throw new LedgerException("another process is writing to " + realLog);
            }
            publishVerifierKey(logDirectory, key);
            List<RecoveryReport.TornTail> repairs = new ArrayList<>();
            Map<String, ShardLog> shards = recoverShards(config, key, repairs);
            Map<String, Long> sizes = new HashMap<>();
            shards.values().forEach(shard -> sizes.put(shard.origin(), shard.size()));
            RecoveryReport report = new RecoveryReport(repairs, sizes);
            ShardOpener opener = label -> FileShard.create(logDirectory.resolve(label),
                    LedgerLayout.origin(key.name(), label), key, config);
            return new AuditLedger(report, lockChannel,
                    GroupCommitWriter.start(config.writerSettings(), key, shards, opener));
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static Map<String, ShardLog> recoverShards(LedgerConfig config, NoteSigningKey key,
                                                       List<RecoveryReport.TornTail> repairs) throws IOException {
        Map<String, ShardLog> shards = new HashMap<>();
        try {
            for (Path shardDir : LedgerLayout.shards(config.logDirectory())) {
                String label = shardDir.getFileName().toString();
                if (config.shardPeriod().isLabel(label)) {
                    shards.put(label, FileShard.recover(shardDir, LedgerLayout.origin(key.name(), label), key, config,
                            repairs));
                }
            }
            return shards;
        } catch (IOException | RuntimeException e) {
            for (ShardLog shard : shards.values()) {
                shard.close();
            }
            throw e;
        }
    }

    /**
     * Appends a record and returns once it is durable.
     *
     * @param timestampMillis event time, epoch milliseconds UTC; it picks the shard and is covered by the tree
     * @param record the record bytes (canonical JSON of the audit event)
     * @return the shard origin and the record's index in that shard's tree
     * @throws LedgerException if the record could not be made durable
     */
    public EntryPosition append(long timestampMillis, byte[] record) {
        return writer.append(timestampMillis, record);
    }

    /** Like {@link #append}, but returns a future that completes once the record is durable. */
    public CompletableFuture<EntryPosition> appendAsync(long timestampMillis, byte[] record) {
        return writer.appendAsync(timestampMillis, record);
    }

    /** What start-up recovery did; the caller should record it in the audit trail. */
    public RecoveryReport recoveryReport() {
        return recoveryReport;
    }

    /** Writes what is queued, signs final checkpoints and releases the files. */
    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            lockChannel.close();
        }
    }

    /** Null when another process, or another ledger in this JVM, holds the lock. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static void publishVerifierKey(Path logDirectory, NoteSigningKey key) throws IOException {
        Path vkeyFile = logDirectory.resolve(LedgerLayout.VERIFIER_KEY_FILE);
        String vkey = key.verifierKey().format();
        if (!Files.exists(vkeyFile)) {
            Files.writeString(vkeyFile, vkey + "\n", StandardCharsets.UTF_8);
        } else if (!Files.readString(vkeyFile, StandardCharsets.UTF_8).trim().equals(vkey)) {
            throw new LedgerException("the log folder holds checkpoints of another key (" + vkeyFile
                    + "); start a new log folder for a new key");
        }
    }
}
