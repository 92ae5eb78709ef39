package org.hipaaiam.events.audit.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String canonical(Object value) {
        return new String(CanonicalJson.toBytes(value), StandardCharsets.UTF_8);
    }

    @Test
    void sortsMembersByUtf16CodeUnitsAsInRfc8785() {
        // RFC 8785 §3.2.3 example (its numeric members left out: records carry no floating point).
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("\u20ac", "Euro Sign");
        object.put("\r", "Carriage Return");
        object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        object.put("1", "One");
        object.put("\ud83d\ude00", "Emoji: Grinning Face");
        object.put("\u0080", "Control");
        object.put("\u00f6", "Latin Small Letter O With Diaeresis");
        assertEquals("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small Letter O With Diaeresis\","
                + "\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}",
                canonical(object));
    }

    @Test
    void escapesLikeJsonStringify() {
        assertEquals("\"\\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"".replace("\\u20ac", "\u20ac"),
                canonical("\u20ac$\u000f\nA'B\"\\\\\"/"));
        assertEquals("\"\\b\\f\\t\\r\\u001f\"", canonical("\b\f\t\r\u001f"));
    }

    @Test
    void writesLiteralsIntegersAndNesting() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", List.of(1, 2L, true));
        object.put("a", Arrays.asList(null, false, Map.of()));
        assertEquals("{\"a\":[null,false,{}],\"b\":[1,2,true]}", canonical(object));
    }

    @Test
    void refusesWhatIsNotCanonical() {
        assertThrows(IllegalArgumentException.class, () -> canonical(1.5d));
        assertThrows(IllegalArgumentException.class, () -> canonical(1L << 54));
        assertThrows(IllegalArgumentException.class, () -> canonical("\ud800"));
        assertThrows(IllegalArgumentException.class, () -> canonical(Map.of(1, "x")));
    }
}
