package org.hipaaiam.auth.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PinPolicyTest {

    private final PinPolicy defaults = PinPolicy.from(Map.of());

    @Test
    void defaultsFollowTheDocumentedNistRationale() {
        assertEquals(new PinPolicy(6, 12, true, true, 5), defaults);
    }

    @Test
    void acceptsAnOrdinarySixDigitPin() {
        assertEquals(Optional.empty(), defaults.check("402917"));
    }

    @Test
    void refusesShortLongAndNonDigitPins() {
        assertEquals(Optional.of(PinPolicy.Violation.TOO_SHORT), defaults.check("40291"));
        assertEquals(Optional.of(PinPolicy.Violation.TOO_SHORT), defaults.check(null));
        assertEquals(Optional.of(PinPolicy.Violation.TOO_LONG), defaults.check("4029174029174"));
        assertEquals(Optional.of(PinPolicy.Violation.NOT_DIGITS), defaults.check("40a917"));
    }

    @Test
    void refusesRepeatsSequencesAndWellKnownPins() {
        for (String trivial : new String[] {"000000", "111111", "123456", "234567", "890123", "987654", "210987", "123123", "654321"}) {
            assertTrue(PinPolicy.isTrivial(trivial), trivial);
            assertEquals(Optional.of(PinPolicy.Violation.TRIVIAL), defaults.check(trivial), trivial);
        }
        assertFalse(PinPolicy.isTrivial("135790"));
    }

    @Test
    void realmAttributesOverrideTheDefaults() {
        PinPolicy policy = PinPolicy.from(Map.of(PinPolicy.MIN_LENGTH, "4", PinPolicy.DIGITS_ONLY, "false",
                PinPolicy.BLOCK_TRIVIAL, "false", PinPolicy.MAX_FAILURES, "3"));
        assertEquals(Optional.empty(), policy.check("1111"));
        assertEquals(Optional.empty(), policy.check("ab12"));
        assertEquals(3, policy.maxFailures());
    }

    @Test
    void unreadableAttributesFallBackToDefaults() {
        PinPolicy policy = PinPolicy.from(Map.of(PinPolicy.MIN_LENGTH, "six", PinPolicy.MAX_FAILURES, "-2"));
        assertEquals(6, policy.minLength());
        assertEquals(1, policy.maxFailures());
    }
}
