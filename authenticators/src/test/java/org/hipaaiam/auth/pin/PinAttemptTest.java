package org.hipaaiam.auth.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipaaiam.auth.pin.PinCredential.Check;
import org.junit.jupiter.api.Test;

class PinAttemptTest {

    @Test
    void aWrongPinAddsOneAndTheLastAllowedOneLocks() {
        assertEquals(new PinAttempt(Check.WRONG_PIN, 0, 1), PinAttempt.of(0, false, 3));
        assertEquals(new PinAttempt(Check.WRONG_PIN, 1, 2), PinAttempt.of(1, false, 3));
        assertEquals(new PinAttempt(Check.LOCKED, 2, 3), PinAttempt.of(2, false, 3));
    }

    @Test
    void theRightPinClearsTheCountUntilThePinIsLocked() {
        assertEquals(new PinAttempt(Check.ACCEPTED, 2, 0), PinAttempt.of(2, true, 3));
        assertEquals(new PinAttempt(Check.LOCKED, 3, 3), PinAttempt.of(3, true, 3), "a locked PIN refuses even the right PIN");
        assertFalse(PinAttempt.of(3, false, 3).changesCount(), "a locked PIN's count stays as it is");
        assertFalse(PinAttempt.of(0, true, 3).changesCount(), "nothing to write after a first-time success");
        assertTrue(PinAttempt.of(1, true, 3).changesCount());
    }

    @Test
    void aStoredCountThatIsNoCountLocks() {
        assertEquals(0, PinCredential.failures(null));
        assertEquals(2, PinCredential.failures("2"));
        assertEquals(Integer.MAX_VALUE, PinCredential.failures("two"));
        assertEquals(Integer.MAX_VALUE, PinCredential.failures("-4"));
        assertEquals(Check.LOCKED, PinAttempt.of(PinCredential.failures("-4"), true, 3).outcome());
    }
}
