package org.hipaaiam.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParsedValuesTest {

    private final AtomicInteger parses = new AtomicInteger();
    private final Setting<List<String>> counted = Setting.parsed("hipaa.test.counted", List.of(), text -> {
        parses.incrementAndGet();
        return List.of(text.split(","));
    });

    @Test
    void eachDistinctTextIsParsedOncePerNode() {
        Map<String, String> attributes = new HashMap<>(Map.of(counted.key(), "a,b"));
        RealmSettings settings = RealmSettings.of(attributes, (setting, value, problem) -> { });

        List<String> first = settings.get(counted);
        assertSame(first, settings.get(counted), "the same text gives the value parsed before");
        assertEquals(1, parses.get());

        attributes.put(counted.key(), "c");
        assertEquals(List.of("c"), settings.get(counted), "a changed attribute is read afresh at once");
        assertEquals(2, parses.get());
    }

    @Test
    void aBadValueIsNotKeptAndIsReportedEachTimeItIsRead() {
        Setting<Long> number = Setting.number("hipaa.test.number", 5, 1, 10);
        List<String> reports = new ArrayList<>();
        RealmSettings settings = RealmSettings.of(Map.of(number.key(), "99"), (setting, value, problem) -> reports.add(problem));

        assertEquals(5L, settings.get(number));
        assertEquals(5L, settings.get(number));
        assertEquals(2, reports.size(), "the sink decides what to report once; the cache hides nothing from it");
    }

    @Test
    void twoSettingsOfOneKeyReadingItDifferentlyKeepTheirOwnValues() {
        Setting<List<String>> asList = Setting.list("hipaa.test.shared", "");
        Setting<String> asText = Setting.text("hipaa.test.shared", "");
        RealmSettings settings = RealmSettings.of(Map.of("hipaa.test.shared", "x,y"), (setting, value, problem) -> { });

        assertEquals(List.of("x", "y"), settings.get(asList));
        assertEquals("x,y", settings.get(asText));
    }
}
