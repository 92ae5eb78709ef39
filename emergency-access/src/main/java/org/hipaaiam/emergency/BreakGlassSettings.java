package org.hipaaiam.emergency;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.keycloak.models.RealmModel;

/**
 * The realm's break-glass policy, read once per request from realm attributes; every default is here.
 * A malformed value falls back to its default rather than opening or closing emergency access by accident.
 */
public record BreakGlassSettings(
        String eligibleRole,
        Set<String> reasonCodes,
        long elevationSeconds,
        long reauthMaxAgeSeconds,
        long justificationDueSeconds,
        long reminderLeadSeconds,
        Sanction sanction) {

    public static final String ELIGIBLE_ROLE = "hipaa.breakGlass.eligibleRole";
    /** Extra reason codes, comma separated, beside the HL7 v3 ActReason codes that are always offered. */
    public static final String REASON_CODES = "hipaa.breakGlass.reasonCodes";
    public static final String ELEVATION_SECONDS = "hipaa.breakGlass.elevationSeconds";
    public static final String REAUTH_MAX_AGE_SECONDS = "hipaa.breakGlass.reauthMaxAgeSeconds";
    public static final String JUSTIFICATION_DUE_SECONDS = "hipaa.breakGlass.justificationDueSeconds";
    public static final String REMINDER_LEAD_SECONDS = "hipaa.breakGlass.reminderLeadSeconds";
    public static final String SANCTION = "hipaa.breakGlass.overdueSanction";

    /** HL7 v3 ActReason: emergency treatment, and break the glass. */
    public static final List<String> HL7_REASON_CODES = List.of("ETREAT", "BTG");

    public static final String DEFAULT_ELIGIBLE_ROLE = "clinician";
    public static final long DEFAULT_ELEVATION_SECONDS = 4 * 3600;
    public static final long DEFAULT_REAUTH_MAX_AGE_SECONDS = 0;
    public static final long DEFAULT_JUSTIFICATION_DUE_SECONDS = 24 * 3600;
    public static final long DEFAULT_REMINDER_LEAD_SECONDS = 4 * 3600;

    /** What happens to an account whose justification is overdue. */
    public enum Sanction {
        /** No further break-glass until the Privacy Office has reviewed the overdue case. */
        BLOCK_BREAK_GLASS("block-break-glass"),
        /** The account is disabled (its sessions end through the lifecycle module's listener). */
        DISABLE_ACCOUNT("disable-account");

        private final String value;

        Sanction(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }

        static Sanction parse(String configured) {
            for (Sanction sanction : values()) {
                if (sanction.value.equalsIgnoreCase(configured == null ? "" : configured.trim())) {
                    return sanction;
                }
            }
            return BLOCK_BREAK_GLASS;
        }
    }

    public static BreakGlassSettings of(RealmModel realm) {
        return of(realm::getAttribute);
    }

    static BreakGlassSettings of(Function<String, String> attribute) {
        String role = attribute.apply(ELIGIBLE_ROLE);
        return new BreakGlassSettings(
                role == null || role.isBlank() ? DEFAULT_ELIGIBLE_ROLE : role.trim(),
                reasonCodes(attribute.apply(REASON_CODES)),
                positive(attribute.apply(ELEVATION_SECONDS), DEFAULT_ELEVATION_SECONDS),
                nonNegative(attribute.apply(REAUTH_MAX_AGE_SECONDS), DEFAULT_REAUTH_MAX_AGE_SECONDS),
                positive(attribute.apply(JUSTIFICATION_DUE_SECONDS), DEFAULT_JUSTIFICATION_DUE_SECONDS),
                nonNegative(attribute.apply(REMINDER_LEAD_SECONDS), DEFAULT_REMINDER_LEAD_SECONDS),
                Sanction.parse(attribute.apply(SANCTION)));
    }

    static Set<String> reasonCodes(String configured) {
        Set<String> codes = new LinkedHashSet<>(HL7_REASON_CODES);
        if (configured != null) {
            for (String code : configured.split(",")) {
                String trimmed = code.trim().toUpperCase(Locale.ROOT);
                if (trimmed.matches("[A-Z0-9_-]{2,32}")) {
                    codes.add(trimmed);
                }
            }
        }
        return Collections.unmodifiableSet(codes);
    }

    private static long positive(String configured, long fallback) {
        long value = parse(configured, fallback);
        return value > 0 ? value : fallback;
    }

    private static long nonNegative(String configured, long fallback) {
        long value = parse(configured, fallback);
        return value >= 0 ? value : fallback;
    }

    private static long parse(String configured, long fallback) {
        if (configured == null || configured.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(configured.trim());
        } catch (NumberFormatException notANumber) {
            return fallback;
        }
    }
}
