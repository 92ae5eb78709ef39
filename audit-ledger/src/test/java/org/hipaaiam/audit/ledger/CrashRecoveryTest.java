package org.hipaaiam.audit.ledger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameCodec;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.audit.ledger.verify.LedgerVerifier;
import org.hipaaiam.audit.ledger.verify.VerificationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that appends under load with SIGKILL at random moments, many times over
 * the same ledger. After each kill, recovery must keep every record the child saw acknowledged,
 * byte for byte, and the verifier must pass. Every other child preallocates its segments,
 * so kills also leave zeros after the last frame.
 */
class CrashRecoveryTest {

    private static final int ROUNDS = 24;
    private static final long SEED = Long.getLong("crash.seed", System.nanoTime());

    @TempDir
    Path root;

    @Test
    void everyAcknowledgedRecordSurvivesSigkill() throws Exception {
        Random random = new Random(SEED);
        Map<Long, Long> acknowledged = new HashMap<>();
        long nextRecord = 0;
        int repairs = 0;
        int preallocated = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String context = "seed " + SEED + ", round " + round;
            // Every other child preallocates; recovery (without preallocation) must cut the zeros it leaves.
            List<long[]> acks = runAndKill(nextRecord, round % 2 == 0 ? 64 * 1024 : 0, random, context);
            for (long[] ack : acks) {
                Long previous = acknowledged.put(ack[0], ack[1]);
                assertTrue(previous == null, context + ": index " + ack[0] + " acknowledged twice");
                nextRecord = Math.max(nextRecord, ack[1] + 1);
            }
            nextRecord += 1_000_000;
            if (unusedTail() != null) {
                preallocated++;
            }
            // A SIGKILL rarely lands inside write(2), so also leave what one would: part of the next frame.
            boolean torn = random.nextInt(3) == 0 && tearTail(random);

            try (AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).build())) {
                RecoveryReport recovery = ledger.recoveryReport();
                assertTrue(recovery.repaired() || !torn, context + ": torn tail not reported");
                repairs += recovery.repairs().size();
            }
            List<byte[]> stored = new ArrayList<>();
            FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(root, "2026")), LedgerConfig.DEFAULT_MAX_RECORD_BYTES,
                    frame -> stored.add(frame.payload()));
            for (Map.Entry<Long, Long> ack : acknowledged.entrySet()) {
                assertTrue(ack.getKey() < stored.size(), context + ": acknowledged index " + ack.getKey() + " lost");
                assertArrayEquals(CrashingAppender.record(ack.getValue()), stored.get(ack.getKey().intValue()),
                        context + ": index " + ack.getKey());
            }
            VerificationReport report = new LedgerVerifier(NoteSigningKey.read(TestLedgers.keyFile(root)).verifierKey(),
                    line -> { }).verify(TestLedgers.logDirectory(root), "test key", List.of());
            assertTrue(report.valid(), context + ": " + report.toJson());
        }
        assertTrue(acknowledged.size() > ROUNDS, "the child acknowledged only " + acknowledged.size() + " records");
        assertTrue(preallocated > 0, "no kill left a preallocated segment");
        System.out.printf("crash test: %d rounds, %d acknowledged records kept, %d torn tails cut, %d kills left"
                + " preallocated zeros, seed %d%n", ROUNDS, acknowledged.size(), repairs, preallocated, SEED);
    }

    /** The zeros after the last frame of the entry log, as the killed child left them, or null. */
    private FrameReader.UnusedTail unusedTail() throws IOException {
        return FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(root, "2026")),
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES, frame -> { }).unused();
    }

    /**
     * Writes a random prefix of the next frame where the next write would go: after the last frame,
     * over the preallocated zeros if there are any. False if there is no segment yet, or if the
     * prefix is all zeros (indistinguishable from no write at all, so nothing to report).
     */
    private boolean tearTail(Random random) throws IOException {
        List<Path> segments = TestLedgers.entrySegments(root, "2026");
        if (segments.isEmpty()) {
            return false;
        }
        FrameReader.Result scan = FrameReader.scan(LedgerLayout.entries(TestLedgers.shard(root, "2026")),
                LedgerConfig.DEFAULT_MAX_RECORD_BYTES, frame -> { });
        Path last = segments.get(segments.size() - 1);
        long end = scan.unused() != null ? scan.unused().offset() : Files.size(last);
        byte[] next = FrameCodec.encode(new Frame(scan.frames(), TestLedgers.MARCH_2026, CrashingAppender.record(-1)));
        byte[] prefix = Arrays.copyOf(next, 1 + random.nextInt(next.length - 1));
        try (FileChannel file = FileChannel.open(last, StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.wrap(prefix), end);
        }
        for (byte b : prefix) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** Starts the child, kills it at a random moment, returns its complete ack lines as (index, record number). */
    private List<long[]> runAndKill(long firstRecord, long preallocateBytes, Random random, String context)
            throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CrashingAppender.class.getName(), root.toString(), Long.toString(firstRecord),
                Long.toString(preallocateBytes))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<long[]> acks = new ArrayList<>();
        CountDownLatch firstAck = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    String[] parts = line.split(" ");
                    // A line cut short by the kill is not an acknowledgement the child completed.
                    if (parts.length == 4 && parts[0].equals("ack") && parts[3].equals("end")) {
                        acks.add(new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
                        firstAck.countDown();
                    }
                }
            } catch (IOException e) {
                // the pipe breaks when the child dies; the acks read so far are complete lines
            }
        });
        reader.start();
        if (random.nextInt(4) == 0) {
            // Sometimes kill during start-up and recovery.
            Thread.sleep(100 + random.nextInt(400));
        } else {
            assertTrue(firstAck.await(30, TimeUnit.SECONDS), context + ": child never acknowledged a record");
            Thread.sleep(random.nextInt(300));
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(10, TimeUnit.SECONDS), context + ": child did not die");
        reader.join();
        assertEquals(137, child.exitValue(), context + ": the child must die of SIGKILL, not by itself");
        return acks;
    }
}
