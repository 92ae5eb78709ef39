package org.hipaaiam.audit.ledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.LedgerConfig;

/**
 * The append benchmark for a shared machine: the ledger and the bare loop, each with a growing
 * file and with 1 MiB preallocated ahead, measured in short slices one after the other, round
 * after round (the order reversed every other round), so that each ledger slice and its
 * baseline slices see nearly the same moment of the disk and the CPUs. JMH's runs of
 * {@link AppendBenchmark} take a benchmark at a time, minutes apart, and the neighbours' load
 * changes in between; this pairs them instead. Same records, queue, batch limit and ledger
 * configuration as {@link AppendBenchmark}; each slice counts appends acknowledged in it.
 *
 * <p>Arguments (all optional): producer counts (default {@code 1,8}), slice seconds (default
 * 2), rounds (default 15).
 */
public final class PairedAppends {

    private static final long PREALLOCATE_BYTES = 1 << 20;
    private static final String[] NAMES = {"ledger", "bare", "ledger, preallocated", "bare, preallocated"};

    private interface Append {
        void run() throws Exception;
    }

    private PairedAppends() {
    }

    public static void main(String[] args) throws Exception {
        int[] producerCounts = Arrays.stream((args.length > 0 ? args[0] : "1,8").split(","))
                .mapToInt(Integer::parseInt).toArray();
        double sliceSeconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 15;
        byte[] record = BenchFiles.record();
        List<Path> scratch = new ArrayList<>();
        for (int i = 0; i < NAMES.length; i++) {
            scratch.add(BenchFiles.scratch());
        }
        AuditLedger ledger = AuditLedger.open(BenchFiles.ledgerConfig(scratch.get(0), 0));
        BareGroupCommit bare = bare(scratch.get(1), 0);
        AuditLedger preallocatedLedger = AuditLedger.open(BenchFiles.ledgerConfig(scratch.get(2), PREALLOCATE_BYTES));
        BareGroupCommit preallocatedBare = bare(scratch.get(3), PREALLOCATE_BYTES);
        Append[] targets = {
            () -> ledger.append(BenchFiles.MARCH_2026, record),
            () -> bare.append(record),
            () -> preallocatedLedger.append(BenchFiles.MARCH_2026, record),
            () -> preallocatedBare.append(record),
        };
        try {
            for (int producers : producerCounts) {
                run(targets, producers, sliceSeconds, rounds);
            }
        } finally {
            ledger.close();
            preallocatedLedger.close();
            bare.close();
            preallocatedBare.close();
            for (Path directory : scratch) {
                BenchFiles.delete(directory);
            }
        }
    }

    private static BareGroupCommit bare(Path scratch, long preallocateBytes) throws Exception {
        return new BareGroupCommit(scratch.resolve("bare.log"), LedgerConfig.DEFAULT_QUEUE_CAPACITY,
                LedgerConfig.DEFAULT_MAX_BATCH_SIZE, preallocateBytes);
    }

    private static void run(Append[] targets, int producers, double sliceSeconds, int rounds) throws Exception {
        for (int warmUp = 0; warmUp < 2; warmUp++) {
            for (Append target : targets) {
                measure(target, producers, sliceSeconds);
            }
        }
        double[][] perSecond = new double[rounds][targets.length];
        for (int round = 0; round < rounds; round++) {
            for (int k = 0; k < targets.length; k++) {
                int i = round % 2 == 0 ? k : targets.length - 1 - k;
                perSecond[round][i] = measure(targets[i], producers, sliceSeconds);
            }
            System.out.printf(Locale.ROOT, "%d producer(s), round %2d:", producers, round + 1);
            for (int i = 0; i < targets.length; i++) {
                System.out.printf(Locale.ROOT, "  %s %.0f", NAMES[i], perSecond[round][i]);
            }
            System.out.println();
        }
        double[] mean = new double[targets.length];
        for (double[] round : perSecond) {
            for (int i = 0; i < targets.length; i++) {
                mean[i] += round[i] / rounds;
            }
        }
        System.out.printf(Locale.ROOT, "%d producer(s), %d rounds of %.1f s slices, acknowledged appends/s:%n",
                producers, rounds, sliceSeconds);
        for (int i = 0; i < targets.length; i++) {
            System.out.printf(Locale.ROOT, "  %-22s mean %8.0f%n", NAMES[i], mean[i]);
        }
        System.out.printf(Locale.ROOT, "  ledger / bare (growing files):       ratio of means %.3f, median of rounds %.3f%n",
                mean[0] / mean[1], median(perSecond, 0, 1));
        System.out.printf(Locale.ROOT, "  ledger / bare (both preallocated):   ratio of means %.3f, median of rounds %.3f%n",
                mean[2] / mean[3], median(perSecond, 2, 3));
        System.out.printf(Locale.ROOT, "  preallocated ledger / growing bare:  ratio of means %.3f, median of rounds %.3f%n",
                mean[2] / mean[1], median(perSecond, 2, 1));
    }

    private static double median(double[][] perSecond, int numerator, int denominator) {
        double[] ratios = Arrays.stream(perSecond).mapToDouble(r -> r[numerator] / r[denominator]).sorted().toArray();
        int n = ratios.length;
        return n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
    }

    /** Acknowledged appends per second of {@code producers} threads appending for {@code seconds}. */
    private static double measure(Append target, int producers, double seconds) throws Exception {
        LongAdder acknowledged = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < producers; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        target.run();
                        acknowledged.increment();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        long count = acknowledged.sum();
        long elapsed = System.nanoTime() - start;
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        return count / (elapsed / 1e9);
    }
}
