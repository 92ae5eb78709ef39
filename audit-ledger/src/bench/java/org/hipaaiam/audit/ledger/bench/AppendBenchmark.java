package org.hipaaiam.audit.ledger.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Acknowledged (durable) appends per second of 512-byte records, with 1 and 8 producer
 * threads, next to the bare group-commit loop with the same queue and batch limit. Each runs
 * with the file growing at every commit ({@code preallocateBytes = 0}, the ledger's default)
 * and with 1 MiB of zeros written ahead ({@code segmentPreallocateBytes} for the ledger).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class AppendBenchmark {

    @State(Scope.Benchmark)
    public static class Ledger {
        @Param({"0", "1048576"})
        public long preallocateBytes;
        Path scratch;
        AuditLedger ledger;
        final byte[] record = BenchFiles.record();

        @Setup(Level.Trial)
        public void open() throws Exception {
            scratch = BenchFiles.scratch();
            ledger = AuditLedger.open(BenchFiles.ledgerConfig(scratch, preallocateBytes));
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            ledger.close();
            BenchFiles.delete(scratch);
        }
    }

    @State(Scope.Benchmark)
    public static class Baseline {
        @Param({"0", "1048576"})
        public long preallocateBytes;
        Path scratch;
        BareGroupCommit log;
        final byte[] record = BenchFiles.record();

        @Setup(Level.Trial)
        public void open() throws Exception {
            scratch = BenchFiles.scratch();
            log = new BareGroupCommit(scratch.resolve("bare.log"), LedgerConfig.DEFAULT_QUEUE_CAPACITY,
                    LedgerConfig.DEFAULT_MAX_BATCH_SIZE, preallocateBytes);
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            log.close();
            BenchFiles.delete(scratch);
        }
    }

    @Benchmark
    @Threads(1)
    public long ledger1Producer(Ledger state) {
        return state.ledger.append(BenchFiles.MARCH_2026, state.record).index();
    }

    @Benchmark
    @Threads(8)
    public long ledger8Producers(Ledger state) {
        return state.ledger.append(BenchFiles.MARCH_2026, state.record).index();
    }

    @Benchmark
    @Threads(1)
    public void baseline1Producer(Baseline state) throws Exception {
        state.log.append(state.record);
    }

    @Benchmark
    @Threads(8)
    public void baseline8Producers(Baseline state) throws Exception {
        state.log.append(state.record);
    }
}
