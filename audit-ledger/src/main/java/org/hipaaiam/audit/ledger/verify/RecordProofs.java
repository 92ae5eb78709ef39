package org.hipaaiam.audit.ledger.verify;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.tree.ProofBuilder;
import org.hipaaiam.audit.ledger.tree.ProofVerifier;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/** Makes and checks offline inclusion proofs for single records. */
public final class RecordProofs {

    private RecordProofs() {
    }

    /** The result of checking a proof: valid, or why not. */
    public record Outcome(boolean valid, String reason) {
    }

    /**
     * Proves the record at {@code index} of a shard against the shard's latest stored checkpoint.
     *
     * @throws IllegalArgumentException if no stored checkpoint covers the record yet
     */
    public static InclusionProof prove(Path shardDirectory, long index) throws IOException {
        String[] latest = {null};
        FrameReader.scan(LedgerLayout.checkpoints(shardDirectory), LedgerLayout.MAX_CHECKPOINT_BYTES,
                frame -> latest[0] = new String(frame.payload(), StandardCharsets.UTF_8));
        if (latest[0] == null) {
            throw new IllegalArgumentException("the shard has no checkpoint yet");
        }
        SignedNote note = SignedNote.parse(latest[0]);
        Checkpoint checkpoint = Checkpoint.parseBody(note.text());
        if (index < 0 || index >= checkpoint.size()) {
            throw new IllegalArgumentException("the latest checkpoint covers entries 0 to " + (checkpoint.size() - 1)
                    + "; index " + index + " is not covered");
        }
        ProofBuilder builder = ProofBuilder.inclusion(index, checkpoint.size());
        FrameReader entries = new FrameReader(LedgerLayout.entries(shardDirectory),
                (int) LedgerConfig.MAX_SEGMENT_BYTES);
        byte[] extra = null;
        for (Frame frame = entries.next(); frame != null && frame.sequence() < builder.treeSize();
                frame = entries.next()) {
            builder.accept(TreeHash.leaf(frame.leafData()));
            if (frame.sequence() == index) {
                extra = ByteBuffer.allocate(Long.BYTES).putLong(frame.timestampMillis()).array();
            }
        }
        if (extra == null) {
            throw new IllegalArgumentException("entry " + index + " cannot be read; run verify");
        }
        return new InclusionProof(extra, index, builder.proof(), note.format());
    }

    /**
     * Checks that {@code record} (the payload bytes) is the entry the proof names, under a
     * checkpoint signed by {@code key}.
     */
    public static Outcome check(InclusionProof proof, byte[] record, NoteVerifierKey key) {
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(proof.checkpoint());
            checkpoint = Checkpoint.parseBody(note.text());
        } catch (IllegalArgumentException e) {
            return new Outcome(false, "malformed checkpoint: " + e.getMessage());
        }
        if (!key.verifies(note)) {
            return new Outcome(false, "the checkpoint is not signed by key " + key.name());
        }
        if (proof.extra().length != Long.BYTES) {
            return new Outcome(false, "the proof does not carry the record's event time");
        }
        long timestamp = ByteBuffer.wrap(proof.extra()).getLong();
        byte[] leafHash = TreeHash.leaf(Frame.leafData(timestamp, record));
        if (!ProofVerifier.verifyInclusion(leafHash, proof.index(), checkpoint.size(), proof.hashes(),
                checkpoint.rootHash())) {
            return new Outcome(false, "the record is not entry " + proof.index() + " of " + checkpoint.origin()
                    + " at tree size " + checkpoint.size());
        }
        return new Outcome(true, "entry " + proof.index() + " of " + checkpoint.origin() + " at tree size "
                + checkpoint.size() + ", event time " + timestamp);
    }
}
