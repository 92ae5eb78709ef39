package org.hipaaiam.audit.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.FrameLogWriter;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;

/** A shard stored as segment files: entries and checkpoints in two framed, append-only logs. */
final class FileShard extends ShardLog {

    private final FrameLogWriter entries;
    private final FrameLogWriter checkpoints;

    private FileShard(TreeRebuild recovered, FrameLogWriter entries, FrameLogWriter checkpoints) {
        super(recovered);
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /**
     * Rebuilds the tree from disk, checks it against the last signed checkpoint, and only then
     * cuts off torn tails and the unused preallocated zeros a writer that did not close left
     * after its last frame (whatever {@code segmentPreallocateBytes} is now; they hold no record,
     * so they are not reported as repairs).
     */
    static FileShard recover(Path directory, String origin, NoteSigningKey key, LedgerConfig config,
                             List<RecoveryReport.TornTail> repairs) throws IOException {
        Path checkpointDir = LedgerLayout.checkpoints(directory);
        Path entryDir = LedgerLayout.entries(directory);
        TreeRebuild rebuild = new TreeRebuild(origin, key.verifierKey());
        FrameReader.Result checkpointScan = FrameReader.scan(checkpointDir, LedgerLayout.MAX_CHECKPOINT_BYTES,
                frame -> rebuild.checkpoint(frame.sequence(), new String(frame.payload(), StandardCharsets.UTF_8)));
        refuseUnlessTornTail(checkpointScan, rebuild, "checkpoint log");
        FrameReader.Result entryScan = FrameReader.scan(entryDir, config.maxRecordBytes(),
                frame -> rebuild.record(frame.timestampMillis(), frame.payload()));
        refuseUnlessTornTail(entryScan, rebuild, "entry log");
        rebuild.requireConsistentWithCheckpoint();

        cutTornTail(checkpointScan, origin, repairs);
        cutTornTail(entryScan, origin, repairs);
        cutUnusedTail(checkpointScan);
        cutUnusedTail(entryScan);
        FrameLogWriter entryWriter = FrameLogWriter.open(entryDir, entryScan.frames(), config.segmentMaxBytes(),
                config.segmentPreallocateBytes());
        FrameLogWriter checkpointWriter = FrameLogWriter.open(checkpointDir, checkpointScan.frames(),
                config.segmentMaxBytes(), config.segmentPreallocateBytes());
        return new FileShard(rebuild, entryWriter, checkpointWriter);
    }

    /** Creates the folders of a new period durably, then opens it like any other shard. */
    static FileShard create(Path directory, String origin, NoteSigningKey key, LedgerConfig config) throws IOException {
        Files.createDirectories(LedgerLayout.entries(directory));
        Files.createDirectories(LedgerLayout.checkpoints(directory));
        SegmentFiles.syncDirectory(directory);
        SegmentFiles.syncDirectory(directory.getParent());
        return recover(directory, origin, key, config, new ArrayList<>());
    }

    @Override
    protected void storeRecord(long index, long timestampMillis, byte[] record) throws IOException {
        entries.append(timestampMillis, record);
    }

    @Override
    public void commit() throws IOException {
        entries.commit();
    }

    @Override
    protected void storeCheckpoint(long nowMillis, SignedNote note) throws IOException {
        checkpoints.append(nowMillis, note.format().getBytes(StandardCharsets.UTF_8));
        checkpoints.commit();
    }

    @Override
    public void close() throws IOException {
        try (entries; checkpoints) {
            // both closed by try-with-resources, even if one fails
        }
    }

    private static void refuseUnlessTornTail(FrameReader.Result scan, TreeRebuild rebuild, String what) {
        if (!scan.clean() && !scan.tornTail()) {
            FrameReader.Fault fault = scan.fault();
            throw rebuild.refusal(what + " is damaged before its end: " + fault.description() + " in "
                    + fault.segment() + " at offset " + fault.offset());
        }
    }

    private static void cutUnusedTail(FrameReader.Result scan) throws IOException {
        FrameReader.UnusedTail unused = scan.unused();
        if (unused != null) {
            FrameLogWriter.truncate(unused.segment(), unused.offset());
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
