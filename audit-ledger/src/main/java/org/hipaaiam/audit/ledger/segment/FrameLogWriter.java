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
 */
public final class FrameLogWriter implements Closeable {

    private final Path directory;
    private final long maxSegmentBytes;
    private FileChannel channel;
    private long segmentBytes;
    private long nextSequence;
    private ByteBuffer staged = ByteBuffer.allocate(64 * 1024);

    private FrameLogWriter(Path directory, long maxSegmentBytes, long nextSequence) {
        this.directory = directory;
        this.maxSegmentBytes = maxSegmentBytes;
        this.nextSequence = nextSequence;
    }

    /**
     * Opens the log for appending after its frames were scanned and any torn tail cut off.
     *
     * @param nextSequence the number of frames the log holds
     */
    public static FrameLogWriter open(Path directory, long nextSequence, long maxSegmentBytes) throws IOException {
        Files.createDirectories(directory);
        FrameLogWriter writer = new FrameLogWriter(directory, maxSegmentBytes, nextSequence);
        List<Path> segments = SegmentFiles.list(directory);
        if (segments.isEmpty()) {
            writer.startSegment();
        } else {
            Path last = segments.get(segments.size() - 1);
            writer.channel = FileChannel.open(last, StandardOpenOption.WRITE);
            writer.segmentBytes = writer.channel.size();
            writer.channel.position(writer.segmentBytes);
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
            channel.close();
            startSegment();
        }
        ensureCapacity(size);
        FrameCodec.write(staged, nextSequence, timestampMillis, payload);
        return nextSequence++;
    }

    /** Writes the staged frames and waits until they are on stable storage. */
    public void commit() throws IOException {
        staged.flip();
        while (staged.hasRemaining()) {
            segmentBytes += channel.write(staged);
        }
        staged.clear();
        channel.force(false);
    }

    public long nextSequence() {
        return nextSequence;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private void startSegment() throws IOException {
        channel = FileChannel.open(SegmentFiles.path(directory, nextSequence),
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        segmentBytes = 0;
        SegmentFiles.syncDirectory(directory);
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
