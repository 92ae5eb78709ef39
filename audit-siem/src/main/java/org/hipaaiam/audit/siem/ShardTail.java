package org.hipaaiam.audit.siem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;

/**
 * Forwarding state of one shard: where its entries are read from, its newest checkpoint on
 * disk, and the size of the last checkpoint sent.
 *
 * <p>Records are sent only up to the newest checkpoint's tree size. The ledger signs a
 * checkpoint only after the records it covers were forced to disk, so the SIEM never receives
 * a record that a crash could still take back (and a recovered ledger could number again),
 * and every record it holds is covered by a checkpoint it also receives.
 */
final class ShardTail {

    /** The ledger's own limit is configurable; no record can be larger than a segment. */
    private static final int MAX_RECORD_BYTES = (int) LedgerConfig.MAX_SEGMENT_BYTES;

    private final String period;
    private final FrameTail entries;
    private final FrameTail checkpoints;
    private Frame newestFrame;
    private Checkpoint newest;
    private long checkpointSent;

    ShardTail(Path shardDirectory, CursorFile.Position start) {
        this.period = shardDirectory.getFileName().toString();
        this.entries = FrameTail.at(LedgerLayout.entries(shardDirectory), MAX_RECORD_BYTES, start.nextIndex());
        this.checkpoints = FrameTail.atNewestSegment(LedgerLayout.checkpoints(shardDirectory),
                LedgerLayout.MAX_CHECKPOINT_BYTES);
        this.checkpointSent = start.checkpointSize();
    }

    /** Reads checkpoints stored since the last call and keeps the newest. */
    void readNewCheckpoints() throws IOException {
        for (Frame frame = checkpoints.next(); frame != null; frame = checkpoints.next()) {
            try {
                SignedNote note = SignedNote.parse(new String(frame.payload(), StandardCharsets.UTF_8));
                newest = Checkpoint.parseBody(note.text());
                newestFrame = frame;
            } catch (IllegalArgumentException e) {
                throw new IOException("checkpoint " + frame.sequence() + " of shard " + period + " is malformed: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The next record the newest checkpoint covers and that was not sent yet, or null if there is none. */
    Frame nextRecord() throws IOException {
        if (newest == null || entries.nextSequence() >= newest.size()) {
            return null;
        }
        Frame entry = entries.next();
        if (entry == null) {
            throw new IOException("shard " + period + ": checkpoint " + newest + " covers record "
                    + entries.nextSequence() + " but it cannot be read");
        }
        return entry;
    }

    /** The newest checkpoint if every record it covers was sent and it was not sent itself, else null. */
    Frame checkpointDue() {
        return newest != null && entries.nextSequence() >= newest.size() && newest.size() > checkpointSent
                ? newestFrame : null;
    }

    void checkpointSent() {
        checkpointSent = newest.size();
    }

    String origin() {
        return newest.origin();
    }

    long checkpointSize() {
        return newest.size();
    }

    long behind() {
        return newest == null ? 0 : Math.max(0, newest.size() - entries.nextSequence());
    }

    CursorFile.Position position() {
        return new CursorFile.Position(entries.nextSequence(), checkpointSent);
    }
}
