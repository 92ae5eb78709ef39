package org.hipaaiam.core.settings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed setting values by setting and text. Realm attributes change rarely but are read on every sign-in (the
 * workstation registry alone is hundreds of JSON entries), so each distinct text is parsed once per node. A value
 * is looked up by its text, so a changed attribute is parsed afresh at once, on every node; nothing needs to be
 * invalidated. Only good values are kept (a bad one is reported and falls back each time), and the map is
 * emptied when it reaches {@value #LIMIT} entries, so edits over a long uptime cannot grow it without bound.
 */
final class ParsedValues {

    static final int LIMIT = 50_000;

    /** The parser's class tells two settings of one key apart that read it differently (a call site each). */
    private record Key(String setting, Class<?> parser, String text) {
    }

    private static final Map<Key, Object> VALUES = new ConcurrentHashMap<>();

    private ParsedValues() {
    }

    @SuppressWarnings("unchecked")
    static <T> T parse(Setting<T> setting, String configured) {
        if (configured == null || configured.isBlank()) {
            return setting.parse(configured);
        }
        Key key = new Key(setting.key(), setting.parserClass(), configured);
        Object known = VALUES.get(key);
        if (known != null) {
            return (T) known;
        }
        T parsed = setting.parse(configured);
        if (parsed != null) {
            if (VALUES.size() >= LIMIT) {
                VALUES.clear();
            }
            VALUES.put(key, parsed);
        }
        return parsed;
    }

    static int size() {
        return VALUES.size();
    }
}
