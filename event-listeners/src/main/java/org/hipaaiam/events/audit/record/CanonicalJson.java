package org.hipaaiam.events.audit.record;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * RFC 8785 (JCS) serialisation for the values audit records use: objects, arrays, strings, integers,
 * booleans and null. Members are sorted by their UTF-16 code units and no whitespace is written, so the
 * same record always has the same bytes, which the ledger hashes and the SIEM receives. Floating-point
 * numbers are refused: records carry none, and refusing them keeps the rules of RFC 8785 §3.2.2.3 out.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    public static byte[] toBytes(Object value) {
        StringBuilder out = new StringBuilder(512);
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            long number = ((Number) value).longValue();
            // I-JSON: integers beyond 2^53 lose precision in JavaScript consumers.
            if (Math.abs(number) > (1L << 53)) {
                throw new IllegalArgumentException("Integer outside the I-JSON range: " + number);
            }
            out.append(number);
        } else if (value instanceof Map<?, ?> map) {
            writeObject(map, out);
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("Not a canonical JSON value: " + value.getClass().getName());
        }
    }

    private static void writeObject(Map<?, ?> map, StringBuilder out) {
        List<String> keys = new ArrayList<>(map.size());
        for (Object key : map.keySet()) {
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("Object member names must be strings: " + key);
            }
            keys.add(name);
        }
        // String.compareTo orders by UTF-16 code units, which is exactly RFC 8785 §3.2.3.
        keys.sort(String::compareTo);
        out.append('{');
        boolean first = true;
        for (String key : keys) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(key, out);
            out.append(':');
            write(map.get(key), out);
        }
        out.append('}');
    }

    /** ECMAScript JSON.stringify escaping, as RFC 8785 §3.2.2.2 requires. */
    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isSurrogate(c) && !isPairAt(text, i)) {
                        throw new IllegalArgumentException("Lone surrogate in string at index " + i);
                    } else {
                        out.append(c);
                        if (Character.isHighSurrogate(c)) {
                            out.append(text.charAt(++i));
                        }
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isPairAt(String text, int i) {
        char c = text.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
    }
}
