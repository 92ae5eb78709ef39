package org.hipaaiam.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** Closed-loop load: N virtual users, each signing in again as soon as its last sign-in finished. */
final class LoginLoad {

    private LoginLoad() {
    }

    /** One virtual user's sign-in; throws when it does not end with tokens. */
    interface SignIn {
        void run(int virtualUser) throws Exception;
    }

    /** One virtual user per account of `usernames`, each signing in with `password` as fast as it can. */
    static LoadResult run(String configuration, String realmUrl, List<String> usernames, String password, long warmupMillis,
            long measureMillis) throws InterruptedException {
        PasswordLogin login = new PasswordLogin(realmUrl);
        return run(configuration, usernames.size(), 0, warmupMillis, measureMillis, user -> login.run(usernames.get(user), password));
    }

    /**
     * `users` virtual users signing in for warm-up plus measurement. With `perSecond` 0 each signs in again as
     * soon as its last sign-in finished (closed loop, the maximum rate); otherwise they start sign-ins on a fixed
     * schedule adding up to `perSecond`, whatever the answers' latency (a set arrival rate).
     */
    static LoadResult run(String configuration, int users, double perSecond, long warmupMillis, long measureMillis, SignIn signIn)
            throws InterruptedException {
        long measureFrom = System.nanoTime() + warmupMillis * 1_000_000;
        long measureUntil = measureFrom + measureMillis * 1_000_000;
        long intervalNanos = perSecond <= 0 ? 0 : (long) (users * 1e9 / perSecond);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            int user = i;
            Thread thread = new Thread(() -> {
                long next = System.nanoTime() + (intervalNanos * user) / Math.max(1, users);
                while (System.nanoTime() < measureUntil) {
                    if (intervalNanos > 0) {
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        next += intervalNanos;
                    }
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        signIn.run(user);
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
