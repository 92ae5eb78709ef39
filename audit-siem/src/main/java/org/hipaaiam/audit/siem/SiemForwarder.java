package org.hipaaiam.audit.siem;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.segment.Frame;

/**
 * Ships the audit ledger to a SIEM: every record and the newest signed checkpoint of every
 * shard, as RFC 5424 syslog over TLS (RFC 5425), from a background thread that reads the
 * ledger's files. Nothing on the login path waits for it.
 *
 * <p>Delivery is at least once. A message counts as sent once written and flushed on a live
 * connection; the position reached is saved to the cursor file every
 * {@link SiemConfig#cursorSaveRecords()} records or {@link SiemConfig#cursorSaveInterval()}.
 * After a failed connection or write, and after a restart, sending resumes from the last saved
 * position, so a record may arrive twice but is never skipped.
 */
public final class SiemForwarder implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SiemForwarder.class.getName());

    private final SiemConfig config;
    private final SSLContext tls;
    private final CursorFile cursorFile;
    private final Backoff backoff;
    private final Semaphore wake = new Semaphore(0);
    private final CountDownLatch stop = new CountDownLatch(1);
    private final Thread thread;
    /** By period label, so shards are forwarded in period order. */
    private final SortedMap<String, ShardTail> shards = new TreeMap<>();
    private SortedMap<String, CursorFile.Position> saved;
    /** Written by the forwarder thread; read by close() only to free a stuck write. */
    private volatile SyslogTlsConnection connection;
    private int sentSinceSave;
    private long savedAtMillis;

    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long recordsSent;
    private volatile long checkpointsSent;
    private volatile long entriesBehind;
    private volatile String lastError;

    private SiemForwarder(SiemConfig config, SSLContext tls, CursorFile cursorFile,
                          SortedMap<String, CursorFile.Position> saved) {
        this.config = config;
        this.tls = tls;
        this.cursorFile = cursorFile;
        this.saved = saved;
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        this.thread = new Thread(this::run, "audit-siem-forwarder");
        // The cursor is saved by close(); records after it are resent at the next start.
        this.thread.setDaemon(true);
    }

    /**
     * Reads the cursor and the TLS material, then starts forwarding in the background.
     *
     * @throws IOException if the cursor or a key store cannot be read
     * @throws GeneralSecurityException if a key store is unusable
     * @throws IllegalArgumentException if the cursor file lies inside a shard folder
     */
    public static SiemForwarder start(SiemConfig config) throws IOException, GeneralSecurityException {
        CursorFile cursorFile = CursorFile.beside(config.ledgerDirectory(), config.cursorFile());
        SiemForwarder forwarder = new SiemForwarder(config, SyslogTlsConnection.context(config), cursorFile,
                cursorFile.load());
        forwarder.thread.start();
        return forwarder;
    }

    /** Hint that the ledger grew: look now instead of at the next poll. Never blocks. */
    public void nudge() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    public ForwarderStatus status() {
        return new ForwarderStatus(connected, recordsSent, checkpointsSent, entriesBehind, lastError);
    }

    /** Stops forwarding and saves the cursor if the connection is still good. */
    @Override
    public void close() throws IOException {
        closed = true;
        stop.countDown();
        wake.release();
        try {
            thread.join(config.connectTimeout().toMillis());
            if (thread.isAlive()) {
                // Stuck writing to a receiver that stopped reading: closing the socket frees it.
                disconnect();
                thread.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the SIEM forwarder", e);
        }
    }

    private void run() {
        while (!closed) {
            try {
                forwardAvailable();
                saveCursorIfDue(false);
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (IOException | RuntimeException e) {
                failed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            saveCursorIfDue(true);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "SIEM forwarder: cursor not saved at close; the records since the"
                    + " last save will be sent again", e);
        }
        disconnect();
    }

    /** Sends every record covered by a checkpoint and not yet sent, shard by shard in period order. */
    private void forwardAvailable() throws IOException {
        followNewShards();
        long behind = 0;
        for (ShardTail shard : shards.values()) {
            shard.readNewCheckpoints();
            behind += shard.behind();
        }
        entriesBehind = behind;
        ensureConnected();
        for (ShardTail shard : shards.values()) {
            // A long catch-up stops at close(); what was sent is saved, the rest waits for the next start.
            Frame entry;
            while (!closed && (entry = shard.nextRecord()) != null) {
                connection.write(SyslogMessage.ofRecord(config.facility(), config.hostname(), shard.origin(), entry)
                        .octetCounted());
                recordsSent++;
                entriesBehind--;
                if (++sentSinceSave >= config.cursorSaveRecords()) {
                    saveCursorIfDue(true);
                }
            }
            Frame checkpoint = shard.checkpointDue();
            if (checkpoint != null) {
                connection.write(SyslogMessage.ofCheckpoint(config.facility(), config.hostname(), shard.origin(),
                        shard.checkpointSize(), checkpoint).octetCounted());
                shard.checkpointSent();
                checkpointsSent++;
                sentSinceSave++;
            }
        }
        connection.flush();
    }

    private void followNewShards() {
        for (Path folder : LedgerLayout.shards(config.ledgerDirectory())) {
            shards.computeIfAbsent(folder.getFileName().toString(),
                    period -> new ShardTail(folder, saved.getOrDefault(period, CursorFile.Position.START)));
        }
    }

    private void ensureConnected() throws IOException {
        if (connection != null && !connection.receiverGone()) {
            return;
        }
        disconnect();
        connection = SyslogTlsConnection.open(tls, config);
        connected = true;
        backoff.reset();
        LOG.log(System.Logger.Level.INFO, "SIEM forwarder connected to {0}:{1} with {2}", config.host(),
                String.valueOf(config.port()), connection.protocol());
    }

    /**
     * Saves the position reached once enough was sent or enough time passed ({@code force}: now),
     * after flushing and after making sure the receiver did not hang up in the meantime.
     */
    private void saveCursorIfDue(boolean force) throws IOException {
        SyslogTlsConnection current = connection;
        if (sentSinceSave == 0 || current == null) {
            return;
        }
        long now = System.currentTimeMillis();
        if (!force && now - savedAtMillis < config.cursorSaveInterval().toMillis()) {
            return;
        }
        current.flush();
        if (current.receiverGone()) {
            throw new IOException("the SIEM closed the connection");
        }
        SortedMap<String, CursorFile.Position> positions = new TreeMap<>(saved);
        shards.forEach((period, shard) -> positions.put(period, shard.position()));
        cursorFile.save(positions);
        saved = positions;
        sentSinceSave = 0;
        savedAtMillis = now;
    }

    /** Drops the connection and everything not saved, then waits before the next attempt. */
    private void failed(Exception e) {
        lastError = e.toString();
        long delay = backoff.nextDelayMillis();
        LOG.log(System.Logger.Level.WARNING, "SIEM forwarder: " + e + "; retrying from the saved cursor in "
                + delay + " ms");
        disconnect();
        // Rewind: messages after the saved cursor may not have reached the receiver.
        shards.clear();
        sentSinceSave = 0;
        try {
            stop.await(delay, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private void disconnect() {
        connected = false;
        SyslogTlsConnection current = connection;
        connection = null;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the SIEM connection failed", e);
            }
        }
    }
}
