package org.hipaaiam.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BreakGlassSettingsTest {

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        BreakGlassSettings settings = BreakGlassSettings.of(key -> null);
        assertEquals("clinician", settings.eligibleRole());
        assertEquals(List.of("ETREAT", "BTG"), List.copyOf(settings.reasonCodes()));
        assertEquals(4 * 3600, settings.elevationSeconds());
        assertEquals(0, settings.reauthMaxAgeSeconds());
        assertEquals(24 * 3600, settings.justificationDueSeconds());
        assertEquals(BreakGlassSettings.Sanction.BLOCK_BREAK_GLASS, settings.sanction());
    }

    @Test
    void realmCodesAreAddedToTheHl7CodesAndMalformedOnesIgnored() {
        BreakGlassSettings settings = BreakGlassSettings.of(Map.of(BreakGlassSettings.REASON_CODES, "mci, ,<b>x</b>,CODE-BLUE")::get);
        assertEquals(List.of("ETREAT", "BTG", "MCI", "CODE-BLUE"), List.copyOf(settings.reasonCodes()));
    }

    @Test
    void malformedNumbersFallBackToDefaultsAndTheSanctionIsParsed() {
        BreakGlassSettings settings = BreakGlassSettings.of(Map.of(BreakGlassSettings.ELEVATION_SECONDS, "-5",
                BreakGlassSettings.REAUTH_MAX_AGE_SECONDS, "abc", BreakGlassSettings.SANCTION, "disable-account")::get);
        assertEquals(4 * 3600, settings.elevationSeconds());
        assertEquals(0, settings.reauthMaxAgeSeconds());
        assertEquals(BreakGlassSettings.Sanction.DISABLE_ACCOUNT, settings.sanction());
        assertTrue(BreakGlassSettings.of(Map.of(BreakGlassSettings.SANCTION, "nonsense")::get).sanction()
                == BreakGlassSettings.Sanction.BLOCK_BREAK_GLASS);
    }
}
