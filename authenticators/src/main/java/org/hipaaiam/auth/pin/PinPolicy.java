package org.hipaaiam.auth.pin;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The realm's PIN rules, from realm attributes `hipaa.pin.*`, with defaults chosen after NIST SP 800-63B:
 * at least 6 digits (its floor for numeric activation secrets; a server-checked PIN is formally a password, so
 * the failure limit and the workstation restriction carry the weight, see the README), at most 12, digits
 * only, no repeats, sequences or well-known PINs, and a lock after 5 consecutive failures (far below the 100
 * the guideline allows: 5 guesses in 10^6).
 */
public record PinPolicy(int minLength, int maxLength, boolean digitsOnly, boolean blockTrivial, int maxFailures) {

    public static final String MIN_LENGTH = "hipaa.pin.minLength";
    public static final String MAX_LENGTH = "hipaa.pin.maxLength";
    public static final String DIGITS_ONLY = "hipaa.pin.digitsOnly";
    public static final String BLOCK_TRIVIAL = "hipaa.pin.blockTrivial";
    public static final String MAX_FAILURES = "hipaa.pin.maxFailures";

    static final PinPolicy DEFAULTS = new PinPolicy(6, 12, true, true, 5);

    /** Well-known PINs that are neither repeats nor plain sequences. */
    private static final Set<String> WELL_KNOWN = Set.of("123123", "121212", "112233", "123321", "654321", "696969", "159753", "147258");

    /** A rule the PIN breaks, as a message key of the login theme. */
    public enum Violation {
        TOO_SHORT("hipaaPinTooShort"), TOO_LONG("hipaaPinTooLong"), NOT_DIGITS("hipaaPinDigitsOnly"), TRIVIAL("hipaaPinTrivial");

        private final String messageKey;

        Violation(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static PinPolicy from(Map<String, String> realmAttributes) {
        int min = intOf(realmAttributes, MIN_LENGTH, DEFAULTS.minLength);
        int max = Math.max(min, intOf(realmAttributes, MAX_LENGTH, DEFAULTS.maxLength));
        return new PinPolicy(min, max,
                boolOf(realmAttributes, DIGITS_ONLY, DEFAULTS.digitsOnly),
                boolOf(realmAttributes, BLOCK_TRIVIAL, DEFAULTS.blockTrivial),
                Math.max(1, intOf(realmAttributes, MAX_FAILURES, DEFAULTS.maxFailures)));
    }

    public Optional<Violation> check(String pin) {
        if (pin == null || pin.length() < minLength) {
            return Optional.of(Violation.TOO_SHORT);
        }
        if (pin.length() > maxLength) {
            return Optional.of(Violation.TOO_LONG);
        }
        if (digitsOnly && !pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of(Violation.NOT_DIGITS);
        }
        if (blockTrivial && isTrivial(pin)) {
            return Optional.of(Violation.TRIVIAL);
        }
        return Optional.empty();
    }

    /** One repeated character, an ascending or descending run (1234..., 9876...), or a well-known PIN. */
    static boolean isTrivial(String pin) {
        if (pin.chars().distinct().count() == 1 || WELL_KNOWN.contains(pin)) {
            return true;
        }
        boolean ascending = true;
        boolean descending = true;
        for (int i = 1; i < pin.length(); i++) {
            int step = pin.charAt(i) - pin.charAt(i - 1);
            ascending &= step == 1 || (pin.charAt(i - 1) == '9' && pin.charAt(i) == '0');
            descending &= step == -1 || (pin.charAt(i - 1) == '0' && pin.charAt(i) == '9');
        }
        return ascending || descending;
    }

    private static int intOf(Map<String, String> attributes, String key, int fallback) {
        String value = attributes.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean boolOf(Map<String, String> attributes, String key, boolean fallback) {
        String value = attributes.get(key);
        return value == null || value.isBlank() ? fallback : Boolean.parseBoolean(value.trim());
    }
}
