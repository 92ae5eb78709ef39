package org.hipaaiam.core.signature;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * RFC 3986 percent-encoding as the canonical request uses it: every byte of the UTF-8 form but the unreserved
 * characters `A-Z a-z 0-9 - . _ ~` becomes `%XX` (upper-case hex), so one text has exactly one encoding.
 */
final class PercentEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    static String encode(String text) {
        StringBuilder encoded = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isUnreserved(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return encoded.toString();
    }

    /** `%XX` sequences back to their bytes, read as UTF-8; `plusIsSpace` for query strings, where `+` is a space. */
    static String decode(String text, boolean plusIsSpace) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int literalFrom = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '%';
            if (c != '%' && !(c == '+' && plusIsSpace)) {
                continue;
            }
            bytes.writeBytes(text.substring(literalFrom, i).getBytes(StandardCharsets.UTF_8));
            if (i == text.length()) {
                break;
            }
            if (c == '+') {
                bytes.write(' ');
            } else {
                bytes.write(hexByte(text, i + 1));
                i += 2;
            }
            literalFrom = i + 1;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexByte(String text, int at) {
        int high = at < text.length() ? hexDigit(text.charAt(at)) : -1;
        int low = at + 1 < text.length() ? hexDigit(text.charAt(at + 1)) : -1;
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("a '%' must be followed by two hex digits");
        }
        return high * 16 + low;
    }

    private static int hexDigit(char c) {
        return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
