package org.hipaaiam.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RealmSettingsTest {

    private static final Setting<Long> WINDOW = Setting.number("hipaa.hrFeed.replayWindowSeconds", 300, 1, 3600).strictest(30L);
    private static final Setting<Long> DAYS = Setting.number("hipaa.dormant.days", 90, 1, 3650);
    private static final Setting<Boolean> DIGITS = Setting.flag("hipaa.pin.digitsOnly", true);

    private final List<String> reported = new ArrayList<>();

    private RealmSettings settings(Map<String, String> attributes) {
        return RealmSettings.of(attributes, (setting, configured, problem) -> reported.add(problem));
    }

    @Test
    void anAbsentOrBlankValueIsTheDefault() {
        assertEquals(300L, settings(Map.of()).get(WINDOW));
        assertEquals(300L, settings(Map.of(WINDOW.key(), "  ")).get(WINDOW));
        assertTrue(reported.isEmpty());
    }

    @Test
    void aGoodValueIsUsed() {
        assertEquals(120L, settings(Map.of(WINDOW.key(), " 120 ")).get(WINDOW));
        assertEquals(false, settings(Map.of(DIGITS.key(), "false")).get(DIGITS));
    }

    @Test
    void aBadSecurityValueFallsBackToTheStrictestAndIsReported() {
        assertEquals(30L, settings(Map.of(WINDOW.key(), "forever")).get(WINDOW));
        assertEquals(30L, settings(Map.of(WINDOW.key(), "999999")).get(WINDOW));
        assertEquals(List.of("hipaa.hrFeed.replayWindowSeconds must be a whole number",
                "hipaa.hrFeed.replayWindowSeconds must be between 1 and 3600"), reported);
    }

    @Test
    void aBadOrdinaryValueFallsBackToTheDefaultAndIsReported() {
        assertEquals(90L, settings(Map.of(DAYS.key(), "-4")).get(DAYS));
        assertEquals(true, settings(Map.of(DIGITS.key(), "yes")).get(DIGITS));
        assertEquals(2, reported.size());
    }

    @Test
    void aWriteThroughTheBundlesApiIsCheckedWithParse() {
        InvalidSetting invalid = assertThrows(InvalidSetting.class, () -> WINDOW.parse("0"));
        assertEquals(WINDOW, invalid.setting());
        assertEquals("hipaa.hrFeed.replayWindowSeconds must be between 1 and 3600", invalid.getMessage());
    }

    @Test
    void listsDropBlankEntries() {
        Setting<List<String>> roles = Setting.list("hipaa.lifecycle.exemptRoles", "");
        assertEquals(List.of(), settings(Map.of()).get(roles));
        assertEquals(List.of("a", "b"), settings(Map.of(roles.key(), " a, ,b ")).get(roles));
    }
}
