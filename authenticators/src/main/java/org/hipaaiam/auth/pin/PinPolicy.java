package org.hipaaiam.auth.pin;

import java.util.Optional;
import java.util.Set;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's PIN rules, from realm attributes `hipaa.pin.*`, with defaults chosen after NIST SP 800-63B:
 * at least 6 digits (its floor for numeric activation secrets; a server-checked PIN is formally a password, so
 * the failure limit and the workstation restriction carry the weight, see the README), at most 12, digits
 * only, no repeats, sequences or well-known PINs, and a lock after 5 consecutive failures (far below the 100
 * the guideline allows: 5 guesses in 10^6). A bad value of a security rule means its strictest value (8 digits,
 * trivial PINs blocked, a lock after 3 failures), reported once; sign-in goes on.
 */
public record PinPolicy(int minLength, int maxLength, boolean digitsOnly, boolean blockTrivial, int maxFailures) {

    public static final Setting<Long> MIN_LENGTH = Setting.number("hipaa.pin.minLength", 6, 4, 64).strictest(8L);
    public static final Setting<Long> MAX_LENGTH = Setting.number("hipaa.pin.maxLength", 12, 4, 64);
    public static final Setting<Boolean> DIGITS_ONLY = Setting.flag("hipaa.pin.digitsOnly", true);
    public static final Setting<Boolean> BLOCK_TRIVIAL = Setting.flag("hipaa.pin.blockTrivial", true).strictest(true);
    public static final Setting<Long> MAX_FAILURES = Setting.number("hipaa.pin.maxFailures", 5, 1, 100).strictest(3L);

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

    /** The realm's rules; the longest PIN allowed is never shorter than the shortest. */
    public static PinPolicy of(RealmSettings settings) {
        int min = settings.get(MIN_LENGTH).intValue();
        return new PinPolicy(min, Math.max(min, settings.get(MAX_LENGTH).intValue()), settings.get(DIGITS_ONLY),
                settings.get(BLOCK_TRIVIAL), settings.get(MAX_FAILURES).intValue());
    }

    public static PinPolicy of(KeycloakSession session, RealmModel realm) {
        return of(RealmSettings.of(session, realm));
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
}
