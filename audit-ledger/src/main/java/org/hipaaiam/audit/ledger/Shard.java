package org.hipaaiam.audit.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameLogWriter;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/** One period's log: its entries, its Merkle tree and its signed checkpoints. Owned by the writer thread. */
final class Shard implements Closeable {

    private final String origin;
    private final MerkleFrontier tree;
    private final FrameLogWriter entries;
    private final FrameLogWriter checkpoints;
    private long signedSize;

    private Shard(String origin, MerkleFrontier tree, FrameLogWriter entries, FrameLogWriter checkpoints,
                  long signedSize) {
        this.origin = origin;
        this.tree = tree;
        this.entries = entries;
        this.checkpoints = checkpoints;
        this.signedSize = signedSize;
    }

    /**
     * Rebuilds the tree from disk, cuts off torn tails and checks the result against the last
     * signed checkpoint before anything is changed.
     */
    static Shard recover(Path directory, String origin, NoteSigningKey key, LedgerConfig config,
                         List<RecoveryReport.TornTail> repairs) throws IOException {
        Path checkpointDir = LedgerLayout.checkpoints(directory);
        Path entryDir = LedgerLayout.entries(directory);

        Checkpoint[] last = {null};
        FrameReader.Result checkpointScan = FrameReader.scan(checkpointDir, LedgerLayout.MAX_CHECKPOINT_BYTES,
                frame -> last[0] = trustedCheckpoint(frame, origin, key));
        refuseUnlessTornTail(checkpointScan, origin, "checkpoint log");

        Checkpoint signed = last[0];
        MerkleFrontier tree = new MerkleFrontier();
        byte[][] rootAtSigned = {signed != null && signed.size() == 0 ? tree.root() : null};
        FrameReader.Result entryScan = FrameReader.scan(entryDir, config.maxRecordBytes(), frame -> {
            tree.append(TreeHash.leaf(frame.leafData()));
            if (signed != null && tree.size() == signed.size()) {
                rootAtSigned[0] = tree.root();
            }
        });
        refuseUnlessTornTail(entryScan, origin, "entry log");

        if (signed != null && tree.size() < signed.size()) {
            throw new LedgerIntegrityException(origin + ": the log holds " + tree.size() + " entries but checkpoint "
                    + signed + " was signed over " + signed.size() + "; acknowledged records were lost or removed."
                    + " Refusing to write.");
        }
        if (signed != null && !MessageDigest.isEqual(rootAtSigned[0], signed.rootHash())) {
            throw new LedgerIntegrityException(origin + ": the first " + signed.size()
                    + " entries no longer hash to the root of signed checkpoint " + signed
                    + "; records were changed. Refusing to write.");
        }
        cutTornTail(checkpointScan, origin, repairs);
        cutTornTail(entryScan, origin, repairs);

        FrameLogWriter entryWriter = FrameLogWriter.open(entryDir, entryScan.frames(), config.segmentMaxBytes());
        FrameLogWriter checkpointWriter = FrameLogWriter.open(checkpointDir, checkpointScan.frames(),
                config.segmentMaxBytes());
        return new Shard(origin, tree, entryWriter, checkpointWriter, signed == null ? -1 : signed.size());
    }

    String origin() {
        return origin;
    }

    long size() {
        return tree.size();
    }

    /** Adds a record to the pending batch; durable after {@link #commit()}. Returns its index. */
    long stage(long timestampMillis, byte[] record) throws IOException {
        long index = entries.append(timestampMillis, record);
        tree.append(TreeHash.leaf(Frame.leafData(timestampMillis, record)));
        return index;
    }

    void commit() throws IOException {
        entries.commit();
    }

    boolean grewSinceCheckpoint() {
        return tree.size() != signedSize;
    }

    /** Signs the current, committed tree head and stores it durably. */
    void signCheckpoint(NoteSigningKey key, long nowMillis) throws IOException {
        SignedNote note = key.sign(new Checkpoint(origin, tree.size(), tree.root()).body());
        checkpoints.append(nowMillis, note.format().getBytes(StandardCharsets.UTF_8));
        checkpoints.commit();
        signedSize = tree.size();
    }

    @Override
    public void close() throws IOException {
        try (entries; checkpoints) {
            // both closed by try-with-resources, even if one fails
        }
    }

    private static Checkpoint trustedCheckpoint(Frame frame, String origin, NoteSigningKey key) {
        Checkpoint checkpoint;
        try {
            SignedNote note = SignedNote.parse(new String(frame.payload(), StandardCharsets.UTF_8));
            if (!key.verifierKey().verifies(note)) {
                throw new LedgerIntegrityException(origin + ": checkpoint " + frame.sequence()
                        + " is not signed by the configured key. Refusing to write.");
            }
            checkpoint = Checkpoint.parseBody(note.text());
        } catch (IllegalArgumentException e) {
            throw new LedgerIntegrityException(origin + ": checkpoint " + frame.sequence() + " is malformed: "
                    + e.getMessage() + ". Refusing to write.");
        }
        if (!checkpoint.origin().equals(origin)) {
            throw new LedgerIntegrityException(origin + ": checkpoint " + frame.sequence() + " belongs to "
                    + checkpoint.origin() + ". Refusing to write.");
        }
        return checkpoint;
    }

    private static void refuseUnlessTornTail(FrameReader.Result scan, String origin, String what) {
        if (!scan.clean() && !scan.tornTail()) {
            FrameReader.Fault fault = scan.fault();
            throw new LedgerIntegrityException(origin + ": " + what + " is damaged before its end: "
                    + fault.description() + " in " + fault.segment() + " at offset " + fault.offset()
                    + ". Refusing to write.");
        }
    }

    private static void cutTornTail(FrameReader.Result scan, String origin, List<RecoveryReport.TornTail> repairs)
            throws IOException {
        if (scan.tornTail()) {
            FrameReader.Fault fault = scan.fault();
            FrameLogWriter.truncate(fault.segment(), fault.offset());
            repairs.add(new RecoveryReport.TornTail(origin, fault.segment(), fault.offset(), fault.bytesAfter(),
                    fault.description()));
        }
    }
}
