package org.hipaaiam.biometric.attempts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.hipaaiam.biometric.attempts.FingerprintAttempts.Next.Kind;
import org.junit.jupiter.api.Test;

class FingerprintAttemptsTest {

    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");

    private static FingerprintAttempts failures(int count) {
        FingerprintAttempts attempts = FingerprintAttempts.NONE;
        for (int i = 0; i < count; i++) {
            attempts = attempts.failedAt(T0);
        }
        return attempts;
    }

    @Test
    void fourFailuresChangeNothing() {
        assertEquals(Kind.ALLOWED, failures(4).next(T0).kind());
    }

    @Test
    void theFifthFailureMakesTheNextAttemptWaitThirtySeconds() {
        FingerprintAttempts five = failures(5);
        FingerprintAttempts.Next next = five.next(T0.plusSeconds(29));
        assertEquals(Kind.DELAYED, next.kind());
        assertEquals(T0.plusSeconds(30), next.notBefore());
        assertEquals(Kind.ALLOWED, five.next(T0.plusSeconds(30)).kind());
    }

    @Test
    void theDelayDoublesWithEachFurtherFailureUpToAnHour() {
        assertEquals(Duration.ofSeconds(60), failures(6).delay());
        assertEquals(Duration.ofSeconds(120), failures(7).delay());
        assertEquals(Duration.ofSeconds(1920), failures(11).delay());
        assertEquals(Duration.ofHours(1), failures(12).delay());
        assertEquals(Duration.ofHours(1), failures(49).delay());
    }

    @Test
    void fiftyFailuresDisableTheFingerprintUntilReEnrolment() {
        FingerprintAttempts fifty = failures(50);
        assertEquals(Kind.DISABLED, fifty.next(T0.plus(Duration.ofDays(365))).kind());
        assertEquals(50, fifty.failedAt(T0).consecutiveFailures());
    }

    @Test
    void aSuccessStartsTheCountAnew() {
        assertEquals(FingerprintAttempts.NONE, failures(7).succeeded());
        assertEquals(Kind.ALLOWED, failures(7).succeeded().failedAt(T0).next(T0).kind());
    }

    @Test
    void aStoredCountWithoutItsTimeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new FingerprintAttempts(3, null));
        assertThrows(IllegalArgumentException.class, () -> new FingerprintAttempts(-1, null));
    }
}
