package org.hipaaiam.audit.ledger;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Child process of {@link CrashRecoveryTest}: appends from several threads until it is killed,
 * printing {@code ack <index> <record number> end} for every record once {@code append} returned.
 * Arguments: ledger root, first record number, {@code segmentPreallocateBytes}.
 */
public final class CrashingAppender {

    static final int PRODUCERS = 4;
    static final int RECORD_BYTES = 512;

    private CrashingAppender() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        long firstRecord = Long.parseLong(args[1]);
        long preallocateBytes = Long.parseLong(args[2]);
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        AuditLedger ledger = AuditLedger.open(TestLedgers.config(root).checkpointInterval(Duration.ofMillis(20))
                .segmentPreallocateBytes(preallocateBytes).build());
        for (int p = 0; p < PRODUCERS; p++) {
            int producer = p;
            Thread thread = new Thread(() -> {
                for (long n = firstRecord + producer; ; n += PRODUCERS) {
                    EntryPosition position = ledger.append(TestLedgers.MARCH_2026 + n, record(n));
                    out.println("ack " + position.index() + " " + n + " end");
                }
            });
            thread.start();
        }
    }

    /** A 512-byte record that names its number, so the parent can check the stored bytes. */
    static byte[] record(long n) {
        StringBuilder json = new StringBuilder("{\"class_uid\":3002,\"record\":").append(n).append(",\"pad\":\"");
        while (json.length() < RECORD_BYTES - 2) {
            json.append('x');
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }
}
