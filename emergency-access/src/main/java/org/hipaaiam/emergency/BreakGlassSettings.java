package org.hipaaiam.emergency;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The realm's break-glass policy, read once per use from realm attributes; every key and default is here. A bad
 * value never breaks a sign-in: the strictest value below is used and the problem is reported once.
 */
public record BreakGlassSettings(
        String eligibleRole,
        Set<String> reasonCodes,
        long elevationSeconds,
        long reauthMaxAgeSeconds,
        long justificationDueSeconds,
        long reminderLeadSeconds,
        Sanction sanction) {

    /** HL7 v3 ActReason: emergency treatment, and break the glass. */
    public static final List<String> HL7_REASON_CODES = List.of("ETREAT", "BTG");
    private static final long HOUR = 3600;
    private static final long DAY = 24 * HOUR;
    private static final String REASON_CODE_PATTERN = "[A-Z0-9_-]{2,32}";

    public static final Setting<String> ELIGIBLE_ROLE = Setting.text("hipaa.breakGlass.eligibleRole", "clinician");
    /** Extra reason codes, comma separated, beside the HL7 v3 ActReason codes that are always offered. */
    public static final Setting<Set<String>> REASON_CODES = Setting.parsed("hipaa.breakGlass.reasonCodes",
            reasonCodes(""), BreakGlassSettings::reasonCodes);
    // A quarter of an hour covers the look-up an emergency needs and bounds the exposure; the clinician can elevate again.
    public static final Setting<Long> ELEVATION_SECONDS = Setting.number("hipaa.breakGlass.elevationSeconds", 4 * HOUR, 60, DAY)
            .strictest(15 * 60L);
    // Zero means the realm's sign-in runs again for every elevation: the point of break-glass is a fresh authentication.
    public static final Setting<Long> REAUTH_MAX_AGE_SECONDS = Setting.number("hipaa.breakGlass.reauthMaxAgeSeconds", 0, 0, 12 * HOUR)
            .strictest(0L);
    // The 24 hours HIPAA policy allows: a shorter deadline met only because of a typo would sanction clinicians for nothing.
    public static final Setting<Long> JUSTIFICATION_DUE_SECONDS = Setting.number("hipaa.breakGlass.justificationDueSeconds", DAY, 60, DAY)
            .strictest(DAY);
    public static final Setting<Long> REMINDER_LEAD_SECONDS = Setting.number("hipaa.breakGlass.reminderLeadSeconds", 4 * HOUR, 0, DAY);
    // Blocking further break-glass until review is strict without taking a clinician off the floor over a typo, as disabling would.
    public static final Setting<Sanction> SANCTION = Setting.parsed("hipaa.breakGlass.overdueSanction", Sanction.BLOCK_BREAK_GLASS,
            Sanction::parse).strictest(Sanction.BLOCK_BREAK_GLASS);

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
                if (sanction.value.equalsIgnoreCase(configured)) {
                    return sanction;
                }
            }
            throw new IllegalArgumentException("must be block-break-glass or disable-account");
        }
    }

    public static BreakGlassSettings of(KeycloakSession session, RealmModel realm) {
        return of(RealmSettings.of(session, realm));
    }

    public static BreakGlassSettings of(RealmSettings settings) {
        return new BreakGlassSettings(
                settings.get(ELIGIBLE_ROLE),
                settings.get(REASON_CODES),
                settings.get(ELEVATION_SECONDS),
                settings.get(REAUTH_MAX_AGE_SECONDS),
                settings.get(JUSTIFICATION_DUE_SECONDS),
                settings.get(REMINDER_LEAD_SECONDS),
                settings.get(SANCTION));
    }

    /** The HL7 codes and the realm's own, upper-cased; a code that is not 2-32 letters, digits, `-` or `_` is refused. */
    static Set<String> reasonCodes(String configured) {
        Set<String> codes = new LinkedHashSet<>(HL7_REASON_CODES);
        for (String code : configured.split(",")) {
            String trimmed = code.trim().toUpperCase(Locale.ROOT);
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.matches(REASON_CODE_PATTERN)) {
                throw new IllegalArgumentException("must be reason codes of 2-32 letters, digits, - or _, comma separated");
            }
            codes.add(trimmed);
        }
        return Collections.unmodifiableSet(codes);
    }
}
