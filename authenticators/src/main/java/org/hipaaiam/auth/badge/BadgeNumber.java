package org.hipaaiam.auth.badge;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A badge number as a reader types it, normalised (trimmed, upper case) so the same badge always hashes the same.
 * Never logged and never kept: only its {@link BadgeKey} hash is stored.
 */
public final class BadgeNumber {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{4,64}");
    private final String value;

    private BadgeNumber(String value) {
        this.value = value;
    }

    /** Empty when the input cannot be a badge number (wrong length or characters). */
    public static Optional<BadgeNumber> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normalised = typed.trim().toUpperCase(java.util.Locale.ROOT);
        return FORMAT.matcher(normalised).matches() ? Optional.of(new BadgeNumber(normalised)) : Optional.empty();
    }

    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "BadgeNumber[redacted]";
    }
}
