package org.hipaaiam.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;

class BreakGlassSettingsTest {

    private final List<String> reported = new ArrayList<>();

    private BreakGlassSettings settings(Map<String, String> attributes) {
        return BreakGlassSettings.of(RealmSettings.of(attributes, (setting, configured, problem) -> reported.add(problem)));
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        BreakGlassSettings settings = settings(Map.of());
        assertEquals("clinician", settings.eligibleRole());
        assertEquals(List.of("ETREAT", "BTG"), List.copyOf(settings.reasonCodes()));
        assertEquals(4 * 3600, settings.elevationSeconds());
        assertEquals(0, settings.reauthMaxAgeSeconds());
        assertEquals(24 * 3600, settings.justificationDueSeconds());
        assertEquals(4 * 3600, settings.reminderLeadSeconds());
        assertEquals(BreakGlassSettings.Sanction.BLOCK_BREAK_GLASS, settings.sanction());
        assertTrue(reported.isEmpty());
    }

    @Test
    void realmCodesAreAddedToTheHl7CodesInUpperCase() {
        BreakGlassSettings settings = settings(Map.of(BreakGlassSettings.REASON_CODES.key(), "mci, ,CODE-BLUE"));
        assertEquals(List.of("ETREAT", "BTG", "MCI", "CODE-BLUE"), List.copyOf(settings.reasonCodes()));
        assertTrue(reported.isEmpty());
    }

    @Test
    void aMalformedReasonCodeLeavesOnlyTheHl7CodesAndIsReported() {
        BreakGlassSettings settings = settings(Map.of(BreakGlassSettings.REASON_CODES.key(), "MCI,<b>x</b>"));
        assertEquals(List.of("ETREAT", "BTG"), List.copyOf(settings.reasonCodes()));
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("hipaa.breakGlass.reasonCodes "), reported.get(0));
    }

    @Test
    void badSecurityValuesFallBackToTheStrictestAndAreReported() {
        BreakGlassSettings settings = settings(Map.of(
                BreakGlassSettings.ELEVATION_SECONDS.key(), "-5",
                BreakGlassSettings.REAUTH_MAX_AGE_SECONDS.key(), "abc",
                BreakGlassSettings.JUSTIFICATION_DUE_SECONDS.key(), "172800",
                BreakGlassSettings.SANCTION.key(), "nonsense"));
        assertEquals(15 * 60, settings.elevationSeconds(), "a short elevation");
        assertEquals(0, settings.reauthMaxAgeSeconds(), "always sign in again");
        assertEquals(24 * 3600, settings.justificationDueSeconds(), "never longer than the 24 hours policy allows");
        assertEquals(BreakGlassSettings.Sanction.BLOCK_BREAK_GLASS, settings.sanction());
        assertEquals(List.of("hipaa.breakGlass.elevationSeconds must be between 60 and 86400",
                "hipaa.breakGlass.reauthMaxAgeSeconds must be a whole number",
                "hipaa.breakGlass.justificationDueSeconds must be between 60 and 86400",
                "hipaa.breakGlass.overdueSanction must be block-break-glass or disable-account"), reported);
    }

    @Test
    void goodValuesAreUsed() {
        assertEquals("ed-physician", settings(Map.of(BreakGlassSettings.ELIGIBLE_ROLE.key(), " ed-physician ")).eligibleRole());
        assertEquals(120, settings(Map.of(BreakGlassSettings.ELEVATION_SECONDS.key(), "120")).elevationSeconds());
        assertEquals(300, settings(Map.of(BreakGlassSettings.REAUTH_MAX_AGE_SECONDS.key(), "300")).reauthMaxAgeSeconds());
        assertEquals(0, settings(Map.of(BreakGlassSettings.REMINDER_LEAD_SECONDS.key(), "0")).reminderLeadSeconds());
        assertEquals(BreakGlassSettings.Sanction.DISABLE_ACCOUNT, settings(Map.of(BreakGlassSettings.SANCTION.key(), "Disable-Account")).sanction());
        assertTrue(reported.isEmpty());
    }

    @Test
    void keysFollowTheBundleConvention() {
        for (String key : List.of(BreakGlassSettings.ELIGIBLE_ROLE.key(), BreakGlassSettings.REASON_CODES.key(),
                BreakGlassSettings.ELEVATION_SECONDS.key(), BreakGlassSettings.REAUTH_MAX_AGE_SECONDS.key(),
                BreakGlassSettings.JUSTIFICATION_DUE_SECONDS.key(), BreakGlassSettings.REMINDER_LEAD_SECONDS.key(),
                BreakGlassSettings.SANCTION.key())) {
            assertTrue(key.matches("hipaa\\.breakGlass\\.[a-z][A-Za-z]+"), key);
        }
    }
}
