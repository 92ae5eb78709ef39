package org.hipaaiam.logoff.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.hipaaiam.logoff.policy.IdlePolicy;
import org.hipaaiam.logoff.session.IdleState.Status;
import org.junit.jupiter.api.Test;

class IdleStateTest {

    private static final IdlePolicy CLINICAL = IdlePolicy.parse("lock=5m terminate=15m");
    private static final IdlePolicy PORTAL = IdlePolicy.parse("terminate=15m");
    private static final long ACTIVE_AT = 1_000_000;

    @Test
    void locksAtTheLockTimeAndEndsAtTheTerminateTimeBothFromTheLastActivity() {
        assertEquals(Status.ACTIVE, at(CLINICAL, 299).status());
        assertEquals(Status.LOCKED, at(CLINICAL, 300).status());
        assertEquals(Status.LOCKED, at(CLINICAL, 899).status());
        assertEquals(Status.ENDED, at(CLINICAL, 900).status());
        assertEquals(ACTIVE_AT + 300, at(CLINICAL, 0).lockAt().getAsLong());
        assertEquals(ACTIVE_AT + 900, at(CLINICAL, 0).endAt());
        assertEquals(900, at(CLINICAL, 900).idleSeconds());
    }

    @Test
    void aPolicyWithoutALockOnlyEnds() {
        assertEquals(Status.ACTIVE, at(PORTAL, 899).status());
        assertEquals(Status.ENDED, at(PORTAL, 900).status());
        assertEquals(OptionalLong.empty(), at(PORTAL, 0).lockAt());
    }

    @Test
    void aRecordedLockHoldsEvenBeforeThePolicyLockTime() {
        // a walk-away locks at once
        IdleState walkedAway = IdleState.of(CLINICAL, ACTIVE_AT, OptionalLong.of(ACTIVE_AT + 10), ACTIVE_AT + 20);
        assertEquals(Status.LOCKED, walkedAway.status());
        assertEquals(Status.ENDED, IdleState.of(CLINICAL, ACTIVE_AT, OptionalLong.of(ACTIVE_AT + 10), ACTIVE_AT + 900).status());
    }

    private static IdleState at(IdlePolicy policy, long secondsIdle) {
        return IdleState.of(policy, ACTIVE_AT, OptionalLong.empty(), ACTIVE_AT + secondsIdle);
    }
}
