package org.hipaaiam.audit.ledger;

import java.security.MessageDigest;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/**
 * Start-up recovery of one shard, whatever the storage: feed it the stored checkpoints, then
 * the stored records in order; it rebuilds the tree and refuses a log that contradicts the
 * last checkpoint it signed.
 */
public final class TreeRebuild {

    private final String origin;
    private final NoteVerifierKey key;
    private final MerkleFrontier tree = new MerkleFrontier();
    private Checkpoint signed;
    private byte[] rootAtSigned;

    public TreeRebuild(String origin, NoteVerifierKey key) {
        this.origin = origin;
        this.key = key;
    }

    /** A stored checkpoint, in the order stored; all must come before the first record. */
    public void checkpoint(long number, String note) {
        try {
            SignedNote parsed = SignedNote.parse(note);
            if (!key.verifies(parsed)) {
                throw refusal("checkpoint " + number + " is not signed by the configured key");
            }
            Checkpoint checkpoint = Checkpoint.parseBody(parsed.text());
            if (!checkpoint.origin().equals(origin)) {
                throw refusal("checkpoint " + number + " belongs to " + checkpoint.origin());
            }
            signed = checkpoint;
            rootAtSigned = checkpoint.size() == 0 ? tree.root() : null;
        } catch (IllegalArgumentException e) {
            throw refusal("checkpoint " + number + " is malformed: " + e.getMessage());
        }
    }

    /** The next stored record. */
    public void record(long timestampMillis, byte[] payload) {
        tree.append(TreeHash.leaf(timestampMillis, payload));
        if (signed != null && tree.size() == signed.size()) {
            rootAtSigned = tree.root();
        }
    }

    /** Throws unless the records rebuilt so far extend the last signed checkpoint. */
    public void requireConsistentWithCheckpoint() {
        if (signed == null) {
            return;
        }
        if (tree.size() < signed.size()) {
            throw refusal("the log holds " + tree.size() + " entries but checkpoint " + signed + " was signed over "
                    + signed.size() + "; acknowledged records were lost or removed");
        }
        if (!MessageDigest.isEqual(rootAtSigned, signed.rootHash())) {
            throw refusal("the first " + signed.size() + " entries no longer hash to the root of signed checkpoint "
                    + signed + "; records were changed");
        }
    }

    public LedgerIntegrityException refusal(String reason) {
        return new LedgerIntegrityException(origin + ": " + reason + ". Refusing to write.");
    }

    public String origin() {
        return origin;
    }

    MerkleFrontier tree() {
        return tree;
    }

    long signedSize() {
        return signed == null ? -1 : signed.size();
    }
}
