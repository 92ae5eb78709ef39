package org.hipaaiam.lifecycle.dormant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LastSignInTest {

    private static final long NOW = 1_800_000_000L;

    @Test
    void anAccountWithoutAStampOrWithAGarbledOneIsStamped() {
        assertTrue(LastSignIn.needsStamp(null, NOW));
        assertTrue(LastSignIn.needsStamp("yesterday", NOW));
    }

    @Test
    void aStampOfTodayIsKeptSoRepeatedSignInsWriteNothing() {
        assertFalse(LastSignIn.needsStamp(Long.toString(NOW), NOW));
        assertFalse(LastSignIn.needsStamp(Long.toString(NOW - LastSignIn.RESOLUTION_SECONDS + 1), NOW));
    }

    @Test
    void aStampADayOldIsRenewed() {
        assertTrue(LastSignIn.needsStamp(Long.toString(NOW - LastSignIn.RESOLUTION_SECONDS), NOW));
    }

    @Test
    void aStampAheadOfTheClockIsReplacedRatherThanHidingADormantAccount() {
        assertTrue(LastSignIn.needsStamp(Long.toString(NOW + 60), NOW));
    }
}
