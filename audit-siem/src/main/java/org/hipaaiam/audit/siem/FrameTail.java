package org.hipaaiam.audit.siem;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameCodec;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;

/**
 * Follows one frame log (a shard's entries or checkpoints) while the ledger appends to it,
 * reading only bytes not read before. A frame still being written is simply not returned yet.
 * Unlike {@code FrameReader}, it can start in the middle of a log: it opens the segment that
 * holds the wanted sequence number and skips the frames before it.
 */
final class FrameTail {

    private final Path directory;
    private static final int CHUNK_BYTES = 1 << 20;

    private final int maxPayloadBytes;
    private long nextSequence;
    private Path segment;
    /** Bytes of {@link #segment} from file offset {@link #bufferStart}, valid in [pos, limit). */
    private byte[] buffer = new byte[0];
    private long bufferStart;
    private int pos;
    private int limit;

    private FrameTail(Path directory, int maxPayloadBytes, long nextSequence) {
        this.directory = directory;
        this.maxPayloadBytes = maxPayloadBytes;
        this.nextSequence = nextSequence;
    }

    /** A tail whose first {@link #next()} returns the frame with this sequence number once it exists. */
    static FrameTail at(Path directory, int maxPayloadBytes, long sequence) {
        return new FrameTail(directory, maxPayloadBytes, sequence);
    }

    /** A tail starting at the newest segment: for checkpoint logs, where only the latest frames matter. */
    static FrameTail atNewestSegment(Path directory, int maxPayloadBytes) {
        List<Path> segments = SegmentFiles.list(directory);
        long first = segments.isEmpty() ? 0 : SegmentFiles.firstSequence(segments.get(segments.size() - 1));
        return at(directory, maxPayloadBytes, first);
    }

    /** The sequence number the next frame will carry. */
    long nextSequence() {
        return nextSequence;
    }

    /**
     * The next complete frame, or null if it is not (yet) on disk.
     *
     * @throws IOException if the log is damaged where the frame should be
     */
    Frame next() throws IOException {
        while (segment != null || openSegmentHolding(nextSequence)) {
            FrameCodec.Decoded decoded = FrameCodec.read(buffer, pos, limit, maxPayloadBytes);
            if (decoded.status() == FrameCodec.Status.FRAME) {
                pos = decoded.end();
                Frame frame = decoded.frame();
                if (frame.sequence() == nextSequence) {
                    nextSequence++;
                    return frame;
                }
                if (frame.sequence() > nextSequence) {
                    throw new IOException(segment + " jumps from sequence " + nextSequence + " to " + frame.sequence());
                }
                continue; // before the wanted frame: skipped while positioning
            }
            if (decoded.status() == FrameCodec.Status.CORRUPT) {
                throw new IOException(segment + " has a damaged frame at offset " + (bufferStart + pos));
            }
            if (readMore()) {
                continue;
            }
            if (decoded.status() == FrameCodec.Status.END && nextSegmentStarts()) {
                openSegmentHolding(nextSequence);
                continue;
            }
            return null;
        }
        return null;
    }

    /** Opens the last segment whose first sequence is at most {@code sequence}; false if there is none yet. */
    private boolean openSegmentHolding(long sequence) {
        Path holder = null;
        for (Path candidate : SegmentFiles.list(directory)) {
            if (SegmentFiles.firstSequence(candidate) <= sequence) {
                holder = candidate;
            }
        }
        if (holder == null) {
            return false;
        }
        segment = holder;
        bufferStart = 0;
        pos = 0;
        limit = 0;
        return true;
    }

    private boolean nextSegmentStarts() {
        return SegmentFiles.list(directory).stream()
                .anyMatch(s -> SegmentFiles.firstSequence(s) == nextSequence && !s.equals(segment));
    }

    /** Size of the frame starting at {@code pos} if its header is buffered, else 0. */
    private int pendingFrameBytes() {
        if (limit - pos < FrameCodec.HEADER_BYTES) {
            return 0;
        }
        return FrameCodec.frameSize(ByteBuffer.wrap(buffer, pos + 2 * Long.BYTES, Integer.BYTES).getInt());
    }

    /** Appends bytes written since the last read to the buffer; false if there are none. */
    private boolean readMore() throws IOException {
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            long fileOffset = bufferStart + limit;
            long available = channel.size() - fileOffset;
            if (available <= 0) {
                return false;
            }
            int kept = limit - pos;
            int wanted = (int) Math.min(available, Math.max(CHUNK_BYTES, pendingFrameBytes() - kept));
            byte[] next = buffer.length >= kept + wanted ? buffer : new byte[kept + wanted];
            System.arraycopy(buffer, pos, next, 0, kept);
            bufferStart += pos;
            buffer = next;
            pos = 0;
            limit = kept;
            ByteBuffer target = ByteBuffer.wrap(buffer, limit, wanted);
            while (target.hasRemaining() && channel.read(target, bufferStart + target.position()) > 0) {
                // read() may return fewer bytes than asked; keep going until the chunk is in
            }
            limit = target.position();
            return limit > kept;
        }
    }
}
