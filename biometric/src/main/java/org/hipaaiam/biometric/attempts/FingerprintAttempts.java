package org.hipaaiam.biometric.attempts;

import java.time.Duration;
import java.time.Instant;

/**
 * A user's consecutive failed fingerprint verifications, and what the next attempt may do (NIST SP 800-63B,
 * biometric limits): after {@value #DELAY_AFTER} failures each further attempt waits, 30 s and doubling with every
 * failure up to an hour, while the PIN stays offered; after {@value #DISABLE_AFTER} the fingerprint is disabled
 * until the user enrols again. A success starts the count anew. Counted per user, not per credential, so
 * enrolling a second key does not reset the count.
 *
 * @param consecutiveFailures failures since the last success
 * @param lastFailure when the last one happened (null when there was none)
 */
public record FingerprintAttempts(int consecutiveFailures, Instant lastFailure) {

    public static final int DELAY_AFTER = 5;
    public static final int DISABLE_AFTER = 50;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration LONGEST_DELAY = Duration.ofHours(1);

    public static final FingerprintAttempts NONE = new FingerprintAttempts(0, null);

    public FingerprintAttempts {
        if (consecutiveFailures < 0) {
            throw new IllegalArgumentException("consecutiveFailures must not be negative");
        }
        if (consecutiveFailures > 0 && lastFailure == null) {
            throw new IllegalArgumentException("failures need the time of the last one");
        }
    }

    /** What the next attempt at `now` may do. */
    public Next next(Instant now) {
        if (consecutiveFailures >= DISABLE_AFTER) {
            return Next.disabled();
        }
        if (consecutiveFailures < DELAY_AFTER) {
            return Next.allowed();
        }
        Instant notBefore = lastFailure.plus(delay());
        return now.isBefore(notBefore) ? Next.delayedUntil(notBefore) : Next.allowed();
    }

    public FingerprintAttempts failedAt(Instant when) {
        return new FingerprintAttempts(Math.min(consecutiveFailures + 1, DISABLE_AFTER), when);
    }

    public FingerprintAttempts succeeded() {
        return NONE;
    }

    /** 30 s after the fifth failure, doubling with each one after it, never more than an hour. */
    Duration delay() {
        int doublings = consecutiveFailures - DELAY_AFTER;
        if (doublings >= 7) {
            return LONGEST_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay;
    }

    /** The answer for the next attempt: allowed, or not before a time (PIN offered meanwhile), or disabled. */
    public record Next(Kind kind, Instant notBefore) {

        public enum Kind { ALLOWED, DELAYED, DISABLED }

        static Next allowed() {
            return new Next(Kind.ALLOWED, null);
        }

        static Next delayedUntil(Instant when) {
            return new Next(Kind.DELAYED, when);
        }

        static Next disabled() {
            return new Next(Kind.DISABLED, null);
        }
    }
}
