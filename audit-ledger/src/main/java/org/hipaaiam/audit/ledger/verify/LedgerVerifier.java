package org.hipaaiam.audit.ledger.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.ShardPeriod;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;

/**
 * Checks a ledger folder offline: CRCs and sequence continuity of every frame, event times
 * inside their shard's period, the Merkle tree recomputed from the records, and every stored
 * checkpoint's signature and root. Successive checkpoints are consistent when each root equals
 * the recomputed tree at its size, since they are then heads of one and the same tree.
 * Checkpoints held elsewhere ({@code trusted}) catch removal of the log's tail together with
 * its later checkpoints.
 */
public final class LedgerVerifier {

    private static final long PROGRESS_EVERY = 1_000_000;
    /** Frames can be no larger than a segment, so this bounds a corrupted length field. */
    private static final int MAX_RECORD_BYTES = (int) LedgerConfig.MAX_SEGMENT_BYTES;

    private final NoteVerifierKey key;
    private final Consumer<String> progress;

    public LedgerVerifier(NoteVerifierKey key, Consumer<String> progress) {
        this.key = key;
        this.progress = progress;
    }

    /**
     * @param keySource where the key came from, for the report
     * @param trusted signed checkpoints kept outside the ledger folder (may be empty)
     */
    public VerificationReport verify(Path ledgerDirectory, String keySource, List<SignedNote> trusted)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, TreeMap<Long, byte[]>> trustedByOrigin = trustedRoots(trusted, problems);
        List<VerificationReport.ShardReport> shards = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Path shardDirectory : LedgerLayout.shards(ledgerDirectory)) {
            String label = shardDirectory.getFileName().toString();
            String origin = LedgerLayout.origin(key.name(), label);
            seen.add(origin);
            TreeMap<Long, byte[]> trustedRoots = trustedByOrigin.getOrDefault(origin, new TreeMap<>());
            shards.add(new ShardCheck(shardDirectory, label, origin, trustedRoots).run());
        }
        for (String origin : trustedByOrigin.keySet()) {
            if (!seen.contains(origin)) {
                problems.add("a trusted checkpoint names " + origin + " but that shard is missing");
            }
        }
        List<String> warnings = shards.isEmpty() ? List.of("no shard folders found in " + ledgerDirectory) : List.of();
        return new VerificationReport(keySource, shards, problems, warnings);
    }

    private Map<String, TreeMap<Long, byte[]>> trustedRoots(List<SignedNote> trusted, List<String> problems) {
        Map<String, TreeMap<Long, byte[]>> roots = new TreeMap<>();
        for (SignedNote note : trusted) {
            if (!key.verifies(note)) {
                problems.add("a trusted checkpoint is not signed by key " + key.name());
                continue;
            }
            Checkpoint c = Checkpoint.parseBody(note.text());
            roots.computeIfAbsent(c.origin(), o -> new TreeMap<>()).put(c.size(), c.rootHash());
        }
        return roots;
    }

    /** Verifies one shard, pulling checkpoints in step with the entries so memory stays small. */
    private final class ShardCheck {
        private final Path directory;
        private final ShardPeriod period;
        private final String label;
        private final String origin;
        private final TreeMap<Long, byte[]> trustedRoots;
        private final FrameReader checkpointReader;
        private final MerkleFrontier tree = new MerkleFrontier();
        private final List<String> problems = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        private Checkpoint pending;
        private long checkpoints;
        private long lastCheckpointSize = -1;
        private boolean checkpointsDone;

        ShardCheck(Path directory, String label, String origin, TreeMap<Long, byte[]> trustedRoots) {
            this.directory = directory;
            this.period = ShardPeriod.ofLabel(label).orElseThrow();
            this.label = label;
            this.origin = origin;
            this.trustedRoots = trustedRoots;
            this.checkpointReader = new FrameReader(LedgerLayout.checkpoints(directory),
                    LedgerLayout.MAX_CHECKPOINT_BYTES);
        }

        VerificationReport.ShardReport run() throws IOException {
            pending = nextCheckpoint();
            checkHeads();
            FrameReader entries = new FrameReader(LedgerLayout.entries(directory), MAX_RECORD_BYTES);
            for (Frame frame = entries.next(); frame != null; frame = entries.next()) {
                if (!period.label(frame.timestampMillis()).equals(label)) {
                    problems.add("entry " + frame.sequence() + " has event time " + frame.timestampMillis()
                            + " outside period " + label);
                }
                tree.append(TreeHash.leaf(frame.timestampMillis(), frame.payload()));
                checkHeads();
                if (tree.size() % PROGRESS_EVERY == 0) {
                    progress.accept(origin + ": " + tree.size() + " entries verified");
                }
            }
            report(entries.result(), "entry log");
            while (pending != null) {
                problems.add("checkpoint signed over " + pending.size() + " entries, but the log holds only "
                        + tree.size() + ": entries were removed");
                pending = nextCheckpoint();
            }
            for (Long size : trustedRoots.keySet()) {
                problems.add("trusted checkpoint covers " + size + " entries, but the log holds only " + tree.size()
                        + ": entries were removed");
            }
            return new VerificationReport.ShardReport(origin, tree.size(), checkpoints, lastCheckpointSize,
                    problems, warnings);
        }

        /** Compares every checkpoint and trusted head of the current tree size with the recomputed root. */
        private void checkHeads() throws IOException {
            while (pending != null && pending.size() == tree.size()) {
                if (!MessageDigest.isEqual(pending.rootHash(), tree.root())) {
                    problems.add("checkpoint at size " + tree.size() + " does not match the recomputed tree:"
                            + " an entry before it was changed, removed, inserted or reordered");
                }
                pending = nextCheckpoint();
            }
            byte[] trustedRoot = trustedRoots.remove(tree.size());
            if (trustedRoot != null && !MessageDigest.isEqual(trustedRoot, tree.root())) {
                problems.add("trusted checkpoint at size " + tree.size() + " does not match the recomputed tree");
            }
        }

        private Checkpoint nextCheckpoint() throws IOException {
            if (checkpointsDone) {
                return null;
            }
            Frame frame = checkpointReader.next();
            if (frame == null) {
                checkpointsDone = true;
                report(checkpointReader.result(), "checkpoint log");
                return null;
            }
            checkpoints++;
            try {
                SignedNote note = SignedNote.parse(new String(frame.payload(), StandardCharsets.UTF_8));
                if (!key.verifies(note)) {
                    return stopCheckpoints("checkpoint " + frame.sequence() + " has no valid signature of key "
                            + key.name());
                }
                Checkpoint checkpoint = Checkpoint.parseBody(note.text());
                if (!checkpoint.origin().equals(origin)) {
                    return stopCheckpoints("checkpoint " + frame.sequence() + " belongs to " + checkpoint.origin());
                }
                if (checkpoint.size() < lastCheckpointSize) {
                    return stopCheckpoints("checkpoint " + frame.sequence() + " shrinks the tree from "
                            + lastCheckpointSize + " to " + checkpoint.size());
                }
                lastCheckpointSize = checkpoint.size();
                return checkpoint;
            } catch (IllegalArgumentException e) {
                return stopCheckpoints("checkpoint " + frame.sequence() + " is malformed: " + e.getMessage());
            }
        }

        private Checkpoint stopCheckpoints(String problem) {
            problems.add(problem);
            checkpointsDone = true;
            return null;
        }

        private void report(FrameReader.Result result, String what) {
            if (result.clean()) {
                return;
            }
            FrameReader.Fault fault = result.fault();
            String where = fault.description() + " in " + fault.segment().getFileName() + " at offset "
                    + fault.offset();
            if (result.tornTail()) {
                warnings.add(what + " ends in an incomplete write of " + fault.bytesAfter() + " bytes (" + where
                        + "): a write in progress or a crash not yet recovered");
            } else {
                problems.add(what + " is damaged: " + where);
            }
        }
    }
}
