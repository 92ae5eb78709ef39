package org.hipaaiam.audit.siem;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between reconnection attempts: doubling from the initial delay up to the maximum, each
 * shortened by up to a fifth at random so that many nodes cut off by one SIEM outage do not
 * all reconnect in the same instant.
 */
final class Backoff {

    static final double JITTER = 0.2;

    private final long initialMillis;
    private final long maxMillis;
    private final DoubleSupplier random;
    private long nextMillis;

    /** @param random values in [0, 1) */
    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
        this.nextMillis = initialMillis;
    }

    /** How long to wait before the next attempt; each call doubles the base up to the maximum. */
    long nextDelayMillis() {
        long base = nextMillis;
        nextMillis = Math.min(maxMillis, nextMillis * 2);
        return base - (long) (base * JITTER * random.getAsDouble());
    }

    /** After a success the next failure starts again from the initial delay. */
    void reset() {
        nextMillis = initialMillis;
    }
}
