package org.hipaaiam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load: N virtual users, each signing in again as soon as its last sign-in finished. */
final class LoginLoad {

    private static final String[] USERS = {"jsmith4821", "tnguyen7310"};
    private static final String PASSWORD = "hipaa-demo-2026";

    private LoginLoad() {
    }

    static LoadResult run(String configuration, String realmUrl, int users, long warmupMillis, long measureMillis)
            throws InterruptedException {
        PasswordLogin login = new PasswordLogin(realmUrl);
        long measureFrom = System.nanoTime() + warmupMillis * 1_000_000;
        long measureUntil = measureFrom + measureMillis * 1_000_000;
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            String username = USERS[i % USERS.length];
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < measureUntil) {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        login.run(username, PASSWORD);
                        ok = true;
                    } catch (Exception e) {
                        firstError.compareAndSet(null, e.toString());
                        ok = false;
                    }
                    long end = System.nanoTime();
                    if (start >= measureFrom && end <= measureUntil) {
                        if (ok) {
                            latencies.add((end - start) / 1000);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                }
            }, "virtual-user-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long[] micros = latencies.stream().mapToLong(Long::longValue).toArray();
        return new LoadResult(configuration, micros.length, errors.get(), measureMillis / 1000.0, micros, firstError.get());
    }
}
