package org.hipaaiam.audit.ledger;

import java.io.Closeable;
import java.io.IOException;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/**
 * One shard as the writer thread sees it: the Merkle tree and checkpoint logic here, the
 * storage in a subclass (segment files, database tables). Owned by the writer thread.
 */
public abstract class ShardLog implements Closeable {

    private final String origin;
    private final MerkleFrontier tree;
    private long signedSize;

    protected ShardLog(TreeRebuild recovered) {
        this.origin = recovered.origin();
        this.tree = recovered.tree();
        this.signedSize = recovered.signedSize();
    }

    public final String origin() {
        return origin;
    }

    public final long size() {
        return tree.size();
    }

    /** Adds a record to the pending batch; durable after {@link #commit()}. Returns its index. */
    public final long stage(long timestampMillis, byte[] record) throws IOException {
        long index = tree.size();
        storeRecord(index, timestampMillis, record);
        tree.append(TreeHash.leaf(timestampMillis, record));
        return index;
    }

    /** Makes every staged record durable. */
    public abstract void commit() throws IOException;

    public final boolean grewSinceCheckpoint() {
        return tree.size() != signedSize;
    }

    /** Signs the current, committed tree head and stores it durably. */
    public final void signCheckpoint(NoteSigningKey key, long nowMillis) throws IOException {
        SignedNote note = key.sign(new Checkpoint(origin, tree.size(), tree.root()).body());
        storeCheckpoint(nowMillis, note);
        signedSize = tree.size();
    }

    protected abstract void storeRecord(long index, long timestampMillis, byte[] record) throws IOException;

    /** Stores a checkpoint durably before returning. */
    protected abstract void storeCheckpoint(long nowMillis, SignedNote note) throws IOException;
}
