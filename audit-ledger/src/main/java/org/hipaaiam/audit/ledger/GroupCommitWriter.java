package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;

/**
 * The single writer thread. It never retries a failed write or fdatasync: after such a failure
 * the page cache may no longer match the disk, so it fails every waiting record and stops.
 */
final class GroupCommitWriter implements Runnable {

    private record Pending(long timestampMillis, byte[] record, CompletableFuture<EntryPosition> done) {
    }

    /** Queued by {@link #close()}; everything queued before it is still written. */
    private static final Pending CLOSE = new Pending(0, null, null);
    /** How long the writer sleeps when no checkpoint is due, and a blocked producer between checks. */
    private static final long IDLE_POLL_MILLIS = 1000;

    private final LedgerConfig config;
    private final NoteSigningKey key;
    private final Map<String, Shard> shards;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean stopped;
    private volatile LedgerException failure;

    private GroupCommitWriter(LedgerConfig config, NoteSigningKey key, Map<String, Shard> shards) {
        this.config = config;
        this.key = key;
        this.shards = shards;
        this.queue = new ArrayBlockingQueue<>(config.queueCapacity());
        this.thread = new Thread(this, "audit-ledger-writer");
        // Records still queued at JVM exit were never acknowledged, so the JVM need not wait for them.
        this.thread.setDaemon(true);
    }

    static GroupCommitWriter start(LedgerConfig config, NoteSigningKey key, Map<String, Shard> shards) {
        GroupCommitWriter writer = new GroupCommitWriter(config, key, shards);
        writer.thread.start();
        return writer;
    }

    CompletableFuture<EntryPosition> submit(long timestampMillis, byte[] record) {
        CompletableFuture<EntryPosition> done = new CompletableFuture<>();
        if (closed || stopped) {
            done.completeExceptionally(notAccepting());
            return done;
        }
        Pending pending = new Pending(timestampMillis, record, done);
        try {
            // Wait for room, but never for a writer that has stopped.
            while (!queue.offer(pending, IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (stopped) {
                    done.completeExceptionally(notAccepting());
                    return done;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(new LedgerException("interrupted before the record was queued", e));
        }
        if (stopped) {
            failQueued();
        }
        return done;
    }

    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (!stopped) {
            queue.add(CLOSE);
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the audit ledger", e);
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure.getCause());
        }
    }

    @Override
    public void run() {
        List<Pending> batch = new ArrayList<>(config.maxBatchSize());
        long intervalMillis = config.checkpointInterval().toMillis();
        long nextCheckpointAt = 0;
        try {
            boolean closing = false;
            while (!closing) {
                long now = System.currentTimeMillis();
                boolean grown = shards.values().stream().anyMatch(Shard::grewSinceCheckpoint);
                long wait = grown ? Math.max(0, nextCheckpointAt - now) : IDLE_POLL_MILLIS;
                Pending first = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, config.maxBatchSize() - 1);
                }
                closing = batch.remove(CLOSE);
                commit(batch);
                batch.clear();
                now = System.currentTimeMillis();
                if (now >= nextCheckpointAt || closing) {
                    signCheckpoints(now);
                    nextCheckpointAt = now + intervalMillis;
                }
            }
        } catch (IOException | RuntimeException e) {
            failure = new LedgerException("the audit ledger writer stopped after a failure; records are refused"
                    + " until it is reopened: " + e.getMessage(), e);
            batch.forEach(p -> fail(p, failure));
        } catch (InterruptedException e) {
            failure = new LedgerException("the audit ledger writer was interrupted", e);
            batch.forEach(p -> fail(p, failure));
        } finally {
            stopped = true;
            closeShards();
            failQueued();
        }
    }

    private void commit(List<Pending> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        EntryPosition[] positions = new EntryPosition[batch.size()];
        Set<Shard> touched = new LinkedHashSet<>();
        for (int i = 0; i < positions.length; i++) {
            Pending p = batch.get(i);
            Shard shard = shardFor(p.timestampMillis());
            positions[i] = new EntryPosition(shard.origin(), shard.stage(p.timestampMillis(), p.record()));
            touched.add(shard);
        }
        for (Shard shard : touched) {
            shard.commit();
        }
        for (int i = 0; i < positions.length; i++) {
            batch.get(i).done().complete(positions[i]);
        }
    }

    private void signCheckpoints(long nowMillis) throws IOException {
        for (Shard shard : shards.values()) {
            if (shard.grewSinceCheckpoint()) {
                shard.signCheckpoint(key, nowMillis);
            }
        }
    }

    private Shard shardFor(long timestampMillis) throws IOException {
        String label = config.shardPeriod().label(timestampMillis);
        Shard shard = shards.get(label);
        if (shard == null) {
            Path logDirectory = config.logDirectory();
            Path shardDirectory = logDirectory.resolve(label);
            Files.createDirectories(LedgerLayout.entries(shardDirectory));
            Files.createDirectories(LedgerLayout.checkpoints(shardDirectory));
            SegmentFiles.syncDirectory(shardDirectory);
            SegmentFiles.syncDirectory(logDirectory);
            shard = Shard.recover(shardDirectory, LedgerLayout.origin(key.name(), label), key, config, new ArrayList<>());
            shards.put(label, shard);
        }
        return shard;
    }

    private void closeShards() {
        for (Shard shard : shards.values()) {
            try {
                shard.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = new LedgerException("closing " + shard.origin() + " failed", e);
                }
            }
        }
    }

    private void failQueued() {
        for (Pending p = queue.poll(); p != null; p = queue.poll()) {
            if (p != CLOSE) {
                fail(p, notAccepting());
            }
        }
    }

    private LedgerException notAccepting() {
        return failure != null ? failure : new LedgerException("the audit ledger is closed");
    }

    private static void fail(Pending p, LedgerException e) {
        p.done().completeExceptionally(e);
    }
}
