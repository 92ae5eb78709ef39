package org.hipaaiam.audit.siem;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Bounded waiting for something that happens on another thread or in another process. */
final class Eventually {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    private Eventually() {
    }

    static void await(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + DEADLINE.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
