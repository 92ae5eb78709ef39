package org.hipaaiam.auth.pin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class PinPolicyTest {

    private final List<String> reported = new ArrayList<>();
    private final PinPolicy defaults = policy(Map.of());

    private PinPolicy policy(Map<String, String> attributes) {
        return PinPolicy.of(RealmSettings.of(attributes, (setting, configured, problem) -> reported.add(problem)));
    }

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
        PinPolicy policy = policy(Map.of(PinPolicy.MIN_LENGTH.key(), "4", PinPolicy.DIGITS_ONLY.key(), "false",
                PinPolicy.BLOCK_TRIVIAL.key(), "false", PinPolicy.MAX_FAILURES.key(), "3"));
        assertEquals(Optional.empty(), policy.check("1111"));
        assertEquals(Optional.empty(), policy.check("ab12"));
        assertEquals(3, policy.maxFailures());
        assertTrue(reported.isEmpty(), reported.toString());
    }

    @Test
    void unreadableSecurityRulesUseTheirStrictestValueAndAreReported() {
        PinPolicy policy = policy(Map.of(PinPolicy.MIN_LENGTH.key(), "six", PinPolicy.MAX_FAILURES.key(), "-2",
                PinPolicy.BLOCK_TRIVIAL.key(), "sometimes"));
        assertEquals(8, policy.minLength());
        assertEquals(3, policy.maxFailures());
        assertTrue(policy.blockTrivial());
        assertEquals(12, policy.maxLength(), "the longest PIN allowed stays the default");
        assertEquals(3, reported.size(), reported.toString());
    }

    @Test
    void outOfRangeValuesAreBadValuesToo() {
        PinPolicy policy = policy(Map.of(PinPolicy.MIN_LENGTH.key(), "1", PinPolicy.MAX_FAILURES.key(), "100000"));
        assertEquals(8, policy.minLength());
        assertEquals(3, policy.maxFailures());
        assertEquals(List.of("hipaa.pin.minLength must be between 4 and 64", "hipaa.pin.maxFailures must be between 1 and 100"), reported);
    }

    @Test
    void theLongestPinAllowedIsNeverShorterThanTheShortest() {
        PinPolicy policy = policy(Map.of(PinPolicy.MIN_LENGTH.key(), "10", PinPolicy.MAX_LENGTH.key(), "6"));
        assertEquals(10, policy.maxLength());
        assertEquals(Optional.empty(), policy.check("4029174029"));
    }
}
