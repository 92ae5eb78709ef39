package org.hipaaiam.audit.siem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(30);

    private static List<Long> delays(Backoff backoff, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(backoff.nextDelayMillis());
        }
        return out;
    }

    @Test
    void doublesFromHalfASecondAndStaysAtThirtySeconds() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);

        assertEquals(List.of(500L, 1000L, 2000L, 4000L, 8000L, 16000L, 30000L, 30000L), delays(backoff, 8));
    }

    @Test
    void jitterShortensEachDelayByAtMostAFifth() {
        Backoff plain = new Backoff(INITIAL, MAX, () -> 0.0);
        Backoff jittered = new Backoff(INITIAL, MAX, new Random(42)::nextDouble);

        List<Long> bases = delays(plain, 12);
        List<Long> actual = delays(jittered, 12);

        for (int i = 0; i < bases.size(); i++) {
            long base = bases.get(i);
            assertTrue(actual.get(i) <= base && actual.get(i) >= base * 4 / 5,
                    "delay " + actual.get(i) + " outside [0.8, 1] x " + base);
        }
    }

    @Test
    void successStartsTheSequenceAgain() {
        Backoff backoff = new Backoff(INITIAL, MAX, () -> 0.0);
        delays(backoff, 5);

        backoff.reset();

        assertEquals(List.of(500L, 1000L), delays(backoff, 2));
    }
}
