package org.hipaaiam.audit.ledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.NoteVerifierKey;
import org.hipaaiam.audit.ledger.verify.LedgerVerifier;
import org.hipaaiam.audit.ledger.verify.VerificationReport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Entries verified per second: CRCs, sequence, tree recomputation and checkpoint checks of a 200,000-entry shard. */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 1, time = 2)
@Measurement(iterations = 3, time = 3)
@State(Scope.Benchmark)
public class VerifyBenchmark {

    private static final int ENTRIES = 200_000;

    private Path scratch;
    private LedgerConfig config;
    private NoteVerifierKey key;

    @Setup(Level.Trial)
    public void writeLedger() throws Exception {
        scratch = BenchFiles.scratch();
        config = BenchFiles.ledgerConfig(scratch);
        key = NoteSigningKey.read(config.signingKeyFile()).verifierKey();
        byte[] record = BenchFiles.record();
        try (AuditLedger ledger = AuditLedger.open(config)) {
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < ENTRIES; i++) {
                pending.add(ledger.appendAsync(BenchFiles.MARCH_2026 + i, record));
                if (pending.size() == LedgerConfig.DEFAULT_MAX_BATCH_SIZE) {
                    pending.forEach(CompletableFuture::join);
                    pending.clear();
                }
            }
            pending.forEach(CompletableFuture::join);
        }
    }

    @TearDown(Level.Trial)
    public void delete() throws Exception {
        BenchFiles.delete(scratch);
    }

    @Benchmark
    @OperationsPerInvocation(ENTRIES)
    public VerificationReport verify() throws Exception {
        VerificationReport report = new LedgerVerifier(key, line -> { }).verify(config.logDirectory(), "bench", List.of());
        if (!report.valid() || report.entries() != ENTRIES) {
            throw new IllegalStateException(report.toJson());
        }
        return report;
    }
}
