package org.hipaaiam.audit.ledger.verify;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.TestLedgers;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameCodec;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.segment.SegmentFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tampers with a closed ledger in many seeded random ways; {@code verify} must catch 100% of
 * them. Deletions, reorderings, insertions and truncations are done the way a careful forger
 * would: sequence numbers renumbered and CRCs recomputed, so only the Merkle tree and the
 * signed checkpoints can give them away. Truncation also removes the checkpoints that would
 * betray it, so only a checkpoint held elsewhere catches it.
 */
class TamperDetectionTest {

    private static final int TRIALS = 50;
    private static final int RECORDS = 300;
    private static final long SEED = Long.getLong("tamper.seed", System.nanoTime());

    @TempDir
    static Path pristine;
    private static NoteVerifierKey key;
    private static SignedNote trusted;

    @TempDir
    Path scratch;

    @BeforeAll
    static void writeLedger() throws IOException {
        LedgerConfig config = TestLedgers.config(pristine).segmentMaxBytes(8 * 1024).maxRecordBytes(1024).build();
        Random random = new Random(1);
        try (AuditLedger ledger = AuditLedger.open(config)) {
            int n = 0;
            while (n < RECORDS) {
                // Groups of concurrent appends give checkpoints at irregular sizes.
                List<CompletableFuture<?>> group = new ArrayList<>();
                for (int g = 1 + random.nextInt(8); g > 0 && n < RECORDS; g--, n++) {
                    group.add(ledger.appendAsync(TestLedgers.MARCH_2026 + n, TestLedgers.record(n)));
                }
                group.forEach(CompletableFuture::join);
            }
        }
        key = NoteSigningKey.read(TestLedgers.keyFile(pristine)).verifierKey();
        List<Frame> checkpoints = frames(LedgerLayout.checkpoints(TestLedgers.shard(pristine, "2026")));
        trusted = SignedNote.parse(new String(checkpoints.get(checkpoints.size() - 1).payload(), StandardCharsets.UTF_8));
    }

    @Test
    void untouchedLedgerIsValid() throws IOException {
        VerificationReport report = verify(pristine);
        assertTrue(report.valid(), report.toJson());
        assertTrue(report.entries() == RECORDS, report.toJson());
    }

    @Test
    void singleByteEditsAreDetected() throws IOException {
        runTrials("byte edit", (entries, random) -> {
            List<Path> segments = SegmentFiles.list(entries);
            Path segment = segments.get(random.nextInt(segments.size()));
            byte[] data = Files.readAllBytes(segment);
            data[random.nextInt(data.length)] ^= (byte) (1 + random.nextInt(255));
            Files.write(segment, data);
        });
    }

    @Test
    void deletedRecordsAreDetected() throws IOException {
        runTrials("delete", (entries, random) -> {
            List<Frame> frames = frames(entries);
            frames.remove(random.nextInt(frames.size()));
            rewrite(entries, frames);
        });
    }

    @Test
    void reorderedRecordsAreDetected() throws IOException {
        runTrials("reorder", (entries, random) -> {
            List<Frame> frames = frames(entries);
            int i = random.nextInt(frames.size());
            int j = (i + 1 + random.nextInt(frames.size() - 1)) % frames.size();
            Frame a = frames.get(i);
            frames.set(i, frames.get(j));
            frames.set(j, a);
            rewrite(entries, frames);
        });
    }

    @Test
    void insertedRecordsAreDetected() throws IOException {
        runTrials("insert", (entries, random) -> {
            List<Frame> frames = frames(entries);
            // Anywhere among the checkpointed records; after the last one is the case below.
            int at = random.nextInt(frames.size());
            frames.add(at, forgedRecord(at, random));
            rewrite(entries, frames);
        });
    }

    @Test
    void recordAppendedAfterTheLastCheckpointIsShownAsNotYetCheckpointed() throws IOException {
        // Indistinguishable from a genuine record written just before the next checkpoint: the report
        // shows it as not covered, and only a later checkpoint (or the SIEM's copy) can settle it.
        Path copy = copyOfPristine();
        Path entries = LedgerLayout.entries(TestLedgers.shard(copy, "2026"));
        List<Frame> frames = frames(entries);
        frames.add(forgedRecord(frames.size(), new Random(SEED)));
        rewrite(entries, frames);
        VerificationReport.ShardReport shard = verify(copy).shards().get(0);
        assertTrue(shard.entries() == RECORDS + 1 && shard.lastCheckpointSize() == RECORDS, shard.toString());
    }

    private static Frame forgedRecord(int at, Random random) {
        return new Frame(0, TestLedgers.MARCH_2026 + at, TestLedgers.record(10_000 + random.nextInt(1000)));
    }

    @Test
    void truncatedLogsAreDetectedAgainstACheckpointHeldElsewhere() throws IOException {
        runTrials("truncate", TamperDetectionTest::truncateWithCheckpoints);
    }

    @Test
    void truncationThatAlsoRemovesCheckpointsNeedsTheCheckpointHeldElsewhere() throws IOException {
        Path copy = copyOfPristine();
        truncateWithCheckpoints(LedgerLayout.entries(TestLedgers.shard(copy, "2026")), new Random(SEED));
        VerificationReport withoutAnchor = new LedgerVerifier(key, line -> { })
                .verify(TestLedgers.logDirectory(copy), "test key", List.of());
        assertTrue(withoutAnchor.valid(), "the stored log is self-consistent after a careful truncation: "
                + withoutAnchor.toJson());
        assertFalse(verify(copy).valid());
    }

    /** Drops the last 1-50 records, sometimes leaving half a frame, and every checkpoint past the cut. */
    private static void truncateWithCheckpoints(Path entries, Random random) throws IOException {
        List<Frame> frames = frames(entries);
        int keep = frames.size() - 1 - random.nextInt(50);
        List<Frame> kept = new ArrayList<>(frames.subList(0, keep));
        Path segment = rewrite(entries, kept);
        if (random.nextBoolean()) {
            byte[] partial = FrameCodec.encode(frames.get(keep));
            Files.write(segment, Arrays.copyOf(partial, 1 + random.nextInt(partial.length - 1)),
                    StandardOpenOption.APPEND);
        }
        Path checkpointDir = entries.resolveSibling("checkpoints");
        List<Frame> notes = new ArrayList<>();
        for (Frame note : frames(checkpointDir)) {
            Checkpoint c = Checkpoint.parseBody(SignedNote.parse(new String(note.payload(), StandardCharsets.UTF_8)).text());
            if (c.size() <= keep) {
                notes.add(note);
            }
        }
        rewrite(checkpointDir, notes);
    }

    private interface Tamper {
        void apply(Path entries, Random random) throws IOException;
    }

    private void runTrials(String kind, Tamper tamper) throws IOException {
        for (int trial = 0; trial < TRIALS; trial++) {
            long seed = SEED + kind.hashCode() * 1000L + trial;
            Path copy = copyOfPristine();
            tamper.apply(LedgerLayout.entries(TestLedgers.shard(copy, "2026")), new Random(seed));
            VerificationReport report = verify(copy);
            assertFalse(report.valid(), kind + " not detected; rerun with -Dtamper.seed=" + SEED + " (trial " + trial
                    + ", trial seed " + seed + ")");
            deleteTree(copy);
        }
    }

    private VerificationReport verify(Path root) throws IOException {
        return new LedgerVerifier(key, line -> { }).verify(TestLedgers.logDirectory(root), "test key", List.of(trusted));
    }

    private Path copyOfPristine() throws IOException {
        Path copy = Files.createTempDirectory(scratch, "ledger");
        Path source = TestLedgers.logDirectory(pristine);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, TestLedgers.logDirectory(copy).resolve(source.relativize(file).toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return copy;
    }

    private static List<Frame> frames(Path directory) throws IOException {
        List<Frame> frames = new ArrayList<>();
        FrameReader.scan(directory, LedgerConfig.DEFAULT_MAX_RECORD_BYTES, frames::add);
        return frames;
    }

    /** Replaces a log with the given records, renumbered, in one segment with valid CRCs; returns that segment. */
    private static Path rewrite(Path directory, List<Frame> frames) throws IOException {
        for (Path old : SegmentFiles.list(directory)) {
            Files.delete(old);
        }
        Path segment = SegmentFiles.path(directory, 0);
        try (OutputStream out = Files.newOutputStream(segment)) {
            for (int i = 0; i < frames.size(); i++) {
                out.write(FrameCodec.encode(new Frame(i, frames.get(i).timestampMillis(), frames.get(i).payload())));
            }
        }
        return segment;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
