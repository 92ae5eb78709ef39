package org.hipaaiam.core.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class OneNodeAtATimeTest {

    @Test
    void theClusterLockOutlivesSeveralRunsAndLastsAtLeastAMinute() {
        assertEquals(Duration.ofMinutes(1), OneNodeAtATime.lockFor(1_000), "a task checked every second");
        assertEquals(Duration.ofMinutes(5), OneNodeAtATime.lockFor(60_000), "five intervals of a minute");
        assertEquals(Duration.ofMinutes(50), OneNodeAtATime.lockFor(600_000));
    }
}
