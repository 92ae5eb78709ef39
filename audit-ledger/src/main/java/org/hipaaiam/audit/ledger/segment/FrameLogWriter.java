package org.hipaaiam.audit.ledger.segment;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends frames to the segment files of one log directory. Frames are staged in memory and
 * written with one write and one {@code force(false)} (fdatasync) per {@link #commit()}, which
 * is what makes group commit cheap. Not thread-safe: one writer thread owns it.
 *
 * <p>With a preallocation step, the open segment is preallocated: ahead of the frames, the
 * file holds zeros, written that many bytes at a time (up to the segment limit) and forced with
 * the commit that reached the end of the previous stretch. A commit that lands inside them
 * changes neither the file size nor its block map, so its fdatasync flushes the data alone
 * instead of also committing the file system journal for the new size. The zeros never decode
 * as a frame; {@link FrameReader} reads zeros up to the end of the last segment as unused
 * space, recovery cuts them off, and closing a segment (roll-over, {@link #close()}) truncates
 * it to its frames first, so only the last segment of a log that was not closed can end in
 * zeros.
 */
public final class FrameLogWriter implements Closeable {

    private static final int ZERO_CHUNK_BYTES = 64 * 1024;

    private final Path directory;
    private final long maxSegmentBytes;
    private final long preallocateBytes;
    private ByteBuffer zeros;
    private FileChannel channel;
    /** End of the frames in the current segment: where the next commit writes. */
    private long segmentBytes;
    /** Length of the current segment file: frames, then zeros up to here. */
    private long allocatedBytes;
    private long nextSequence;
    /** Set once a write or fdatasync failed: the file is then left exactly as it is. */
    private boolean failed;
    private ByteBuffer staged = ByteBuffer.allocate(64 * 1024);

    private FrameLogWriter(Path directory, long maxSegmentBytes, long preallocateBytes, long nextSequence) {
        this.directory = directory;
        this.maxSegmentBytes = maxSegmentBytes;
        this.preallocateBytes = preallocateBytes;
        this.nextSequence = nextSequence;
    }

    /**
     * Opens the log for appending after its frames were scanned and any torn tail or unused
     * (zero) tail cut off; the file grows with every commit.
     *
     * @param nextSequence the number of frames the log holds
     */
    public static FrameLogWriter open(Path directory, long nextSequence, long maxSegmentBytes) throws IOException {
        return open(directory, nextSequence, maxSegmentBytes, 0);
    }

    /**
     * Like {@link #open(Path, long, long)}, writing zeros {@code preallocateBytes} at a time ahead
     * of the frames; 0 lets the file grow with every commit.
     */
    public static FrameLogWriter open(Path directory, long nextSequence, long maxSegmentBytes, long preallocateBytes)
            throws IOException {
        if (preallocateBytes < 0) {
            throw new IllegalArgumentException("preallocateBytes must not be negative");
        }
        Files.createDirectories(directory);
        FrameLogWriter writer = new FrameLogWriter(directory, maxSegmentBytes, preallocateBytes, nextSequence);
        List<Path> segments = SegmentFiles.list(directory);
        if (segments.isEmpty()) {
            writer.startSegment();
        } else {
            Path last = segments.get(segments.size() - 1);
            writer.channel = FileChannel.open(last, StandardOpenOption.WRITE);
            writer.segmentBytes = writer.channel.size();
            writer.allocatedBytes = writer.segmentBytes;
        }
        return writer;
    }

    /** Cuts a segment back to {@code length} bytes, durably. */
    public static void truncate(Path segment, long length) throws IOException {
        try (FileChannel file = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            file.truncate(length);
            file.force(true);
        }
    }

    /** Stages a frame; it is durable only after the next {@link #commit()}. Returns its sequence number. */
    public long append(long timestampMillis, byte[] payload) throws IOException {
        int size = FrameCodec.frameSize(payload.length);
        long pending = segmentBytes + staged.position();
        if (pending > 0 && pending + size > maxSegmentBytes) {
            commit();
            finishSegment();
            startSegment();
        }
        ensureCapacity(size);
        FrameCodec.write(staged, nextSequence, timestampMillis, payload);
        return nextSequence++;
    }

    /**
     * Writes the staged frames (and, when they reach the end of the preallocated space, the next
     * stretch of zeros after them) and waits until they are on stable storage.
     */
    public void commit() throws IOException {
        staged.flip();
        try {
            long end = segmentBytes + staged.remaining();
            writeFully(staged, segmentBytes);
            segmentBytes = end;
            if (end > allocatedBytes || (end == allocatedBytes && end < maxSegmentBytes)) {
                long target = Math.max(end, Math.min(maxSegmentBytes, end + preallocateBytes));
                writeZeros(end, target);
                allocatedBytes = target;
            }
            channel.force(false);
        } catch (IOException | RuntimeException e) {
            failed = true;
            throw e;
        } finally {
            staged.clear();
        }
    }

    public long nextSequence() {
        return nextSequence;
    }

    /** Closes the segment; after a clean run, its unused zeros are cut off first, durably. */
    @Override
    public void close() throws IOException {
        try (FileChannel closing = channel) {
            if (!failed) {
                trimToFrames();
            }
        }
    }

    private void finishSegment() throws IOException {
        trimToFrames();
        channel.close();
    }

    /** Truncates the current segment to its frames, so that only the last segment may hold zeros. */
    private void trimToFrames() throws IOException {
        if (allocatedBytes > segmentBytes) {
            try {
                channel.truncate(segmentBytes);
                channel.force(true);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
            allocatedBytes = segmentBytes;
        }
    }

    private void startSegment() throws IOException {
        channel = FileChannel.open(SegmentFiles.path(directory, nextSequence),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentBytes = 0;
        allocatedBytes = 0;
        SegmentFiles.syncDirectory(directory);
    }

    private void writeZeros(long from, long to) throws IOException {
        if (from < to && zeros == null) {
            zeros = ByteBuffer.allocateDirect(ZERO_CHUNK_BYTES);
        }
        for (long at = from; at < to; ) {
            zeros.clear();
            zeros.limit((int) Math.min(ZERO_CHUNK_BYTES, to - at));
            at += writeFully(zeros, at);
        }
    }

    private int writeFully(ByteBuffer buffer, long position) throws IOException {
        int written = 0;
        while (buffer.hasRemaining()) {
            written += channel.write(buffer, position + written);
        }
        return written;
    }

    private void ensureCapacity(int extra) {
        if (staged.remaining() < extra) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(staged.capacity() * 2, staged.position() + extra));
            staged.flip();
            bigger.put(staged);
            staged = bigger;
        }
    }
}
