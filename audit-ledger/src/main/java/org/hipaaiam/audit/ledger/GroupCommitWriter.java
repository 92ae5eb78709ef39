package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;

/**
 * The single writer thread of a ledger, whatever its storage: it takes whatever records are
 * waiting, stages them, makes them durable together, then acknowledges them all. It never
 * retries a failed write or fdatasync: after such a failure the page cache may no longer match
 * the disk, so it fails every waiting record and stops.
 */
public final class GroupCommitWriter {

    private record Pending(long timestampMillis, byte[] record, CompletableFuture<EntryPosition> done) {
    }

    /** Queued by {@link #close()}; everything queued before it is still written. */
    private static final Pending CLOSE = new Pending(0, null, null);
    /** How long the writer sleeps when no checkpoint is due, and a blocked producer between checks. */
    private static final long IDLE_POLL_MILLIS = 1000;

    private final WriterSettings settings;
    private final NoteSigningKey key;
    private final Map<String, ShardLog> shards;
    private final ShardOpener opener;
    private final BlockingQueue<Pending> queue;
    private final Thread thread;
    private volatile boolean closed;
    private volatile boolean stopped;
    private volatile LedgerException failure;
    /** The shard of the last record and the period it covers, [from, to): most records land in the same one. */
    private ShardLog lastShard;
    private long lastShardFrom;
    private long lastShardTo;
    /** Shards touched by the batch being committed (almost always one), reused from batch to batch. */
    private final List<ShardLog> touched = new ArrayList<>(2);

    private GroupCommitWriter(WriterSettings settings, NoteSigningKey key, Map<String, ShardLog> shards,
                              ShardOpener opener) {
        this.settings = settings;
        this.key = key;
        this.shards = shards;
        this.opener = opener;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.thread = new Thread(this::run, "audit-ledger-writer");
        // Records still queued at JVM exit were never acknowledged, so the JVM need not wait for them.
        this.thread.setDaemon(true);
    }

    /**
     * @param shards the recovered shards by period label; the writer owns them from now on
     * @param opener makes the shard of a period not seen before
     */
    public static GroupCommitWriter start(WriterSettings settings, NoteSigningKey key, Map<String, ShardLog> shards,
                                          ShardOpener opener) {
        GroupCommitWriter writer = new GroupCommitWriter(settings, key, shards, opener);
        writer.thread.start();
        return writer;
    }

    /** Appends a record and returns once it is durable; throws {@link LedgerException} if it could not be. */
    public EntryPosition append(long timestampMillis, byte[] record) {
        try {
            return appendAsync(timestampMillis, record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LedgerException("interrupted while waiting for the record to become durable", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof LedgerException le ? le
                    : new LedgerException("append failed", e.getCause());
        }
    }

    /** Queues a copy of the record; the future completes once it is durable. */
    public CompletableFuture<EntryPosition> appendAsync(long timestampMillis, byte[] record) {
        if (record.length > settings.maxRecordBytes()) {
            throw new IllegalArgumentException("record of " + record.length + " bytes exceeds maxRecordBytes "
                    + settings.maxRecordBytes());
        }
        CompletableFuture<EntryPosition> done = new CompletableFuture<>();
        if (closed || stopped) {
            done.completeExceptionally(notAccepting());
            return done;
        }
        try {
            if (!enqueue(new Pending(timestampMillis, record.clone(), done))) {
                done.completeExceptionally(notAccepting());
                return done;
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

    /** Writes what is queued, signs final checkpoints and closes the shards. */
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            enqueue(CLOSE);
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while closing the audit ledger", e);
        }
        if (failure != null) {
            throw new IOException(failure.getMessage(), failure.getCause());
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(settings.maxBatchSize());
        long intervalMillis = settings.checkpointInterval().toMillis();
        long nextCheckpointAt = 0;
        try {
            boolean closing = false;
            while (!closing) {
                long now = System.currentTimeMillis();
                boolean grown = anyGrewSinceCheckpoint();
                long wait = grown ? Math.max(0, nextCheckpointAt - now) : IDLE_POLL_MILLIS;
                Pending first = queue.poll(wait, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, settings.maxBatchSize() - 1);
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

    /** Queues an item, waiting for room, but never for a writer that has stopped. */
    private boolean enqueue(Pending item) throws InterruptedException {
        while (!queue.offer(item, IDLE_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (stopped) {
                return false;
            }
        }
        return true;
    }

    private void commit(List<Pending> batch) throws IOException {
        if (batch.isEmpty()) {
            return;
        }
        EntryPosition[] positions = new EntryPosition[batch.size()];
        touched.clear();
        for (int i = 0; i < positions.length; i++) {
            Pending p = batch.get(i);
            ShardLog shard = shardFor(p.timestampMillis());
            positions[i] = new EntryPosition(shard.origin(), shard.stage(p.timestampMillis(), p.record()));
            if (!touched.contains(shard)) {
                touched.add(shard);
            }
        }
        for (ShardLog shard : touched) {
            shard.commit();
        }
        for (int i = 0; i < positions.length; i++) {
            batch.get(i).done().complete(positions[i]);
        }
    }

    private void signCheckpoints(long nowMillis) throws IOException {
        for (ShardLog shard : shards.values()) {
            if (shard.grewSinceCheckpoint()) {
                shard.signCheckpoint(key, nowMillis);
            }
        }
    }

    private boolean anyGrewSinceCheckpoint() {
        for (ShardLog shard : shards.values()) {
            if (shard.grewSinceCheckpoint()) {
                return true;
            }
        }
        return false;
    }

    private ShardLog shardFor(long timestampMillis) throws IOException {
        if (lastShard != null && timestampMillis >= lastShardFrom && timestampMillis < lastShardTo) {
            return lastShard;
        }
        ShardPeriod period = settings.shardPeriod();
        String label = period.label(timestampMillis);
        ShardLog shard = shards.get(label);
        if (shard == null) {
            shard = opener.open(label);
            shards.put(label, shard);
        }
        lastShard = shard;
        lastShardFrom = period.startMillis(timestampMillis);
        lastShardTo = period.endMillis(timestampMillis);
        return shard;
    }

    private void closeShards() {
        for (ShardLog shard : shards.values()) {
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
