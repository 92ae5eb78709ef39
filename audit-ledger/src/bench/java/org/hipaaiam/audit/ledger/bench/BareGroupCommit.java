package org.hipaaiam.audit.ledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;

/**
 * The baseline: the same single-writer group commit (same queue size and batch limit) with
 * nothing but write + fdatasync, each producer released only after the fdatasync that covers
 * its record. No framing, CRC, tree or checkpoints; what the ledger costs on top of the disk is
 * the difference. With a preallocation step it writes zeros ahead of the records the way the
 * ledger's segments do (same step, same rule), so that either file layout can be compared
 * with its own kind.
 */
final class BareGroupCommit implements AutoCloseable {

    private record Pending(byte[] record, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(null, null);

    private final BlockingQueue<Pending> queue;
    private final FileChannel channel;
    private final int maxBatch;
    private final long preallocateBytes;
    private final Thread writer;

    BareGroupCommit(Path file, int queueCapacity, int maxBatch, long preallocateBytes) throws IOException {
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.maxBatch = maxBatch;
        this.preallocateBytes = preallocateBytes;
        this.writer = new Thread(this::run, "bare-group-commit");
        this.writer.start();
    }

    void append(byte[] record) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        queue.put(new Pending(record, done));
        done.get();
    }

    @Override
    public void close() throws Exception {
        queue.put(STOP);
        writer.join();
        channel.close();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        ByteBuffer zeros = ByteBuffer.allocateDirect(64 * 1024);
        long end = 0;
        long allocated = 0;
        try {
            while (true) {
                batch.add(queue.take());
                queue.drainTo(batch, maxBatch - 1);
                boolean stop = batch.remove(STOP);
                buffer.clear();
                for (Pending p : batch) {
                    buffer.put(p.record());
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    end += channel.write(buffer, end);
                }
                if (preallocateBytes > 0 && end >= allocated) {
                    for (allocated = end; allocated < end + preallocateBytes; ) {
                        zeros.clear();
                        zeros.limit((int) Math.min(zeros.capacity(), end + preallocateBytes - allocated));
                        while (zeros.hasRemaining()) {
                            allocated += channel.write(zeros, allocated);
                        }
                    }
                }
                channel.force(false);
                batch.forEach(p -> p.done().complete(null));
                batch.clear();
                if (stop) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
