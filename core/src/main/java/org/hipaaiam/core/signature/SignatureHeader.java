package org.hipaaiam.core.signature;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The parsed `X-Hipaa-Signature` header, `t=<unix seconds>,v1=<64 hex digits>`, read once. Each key must appear
 * exactly once and no other key may appear: a header that repeats `t=` could have its MAC checked against one
 * timestamp and its age against another.
 */
public record SignatureHeader(long timestamp, byte[] mac) {

    public static final String NAME = "X-Hipaa-Signature";
    private static final int MAC_BYTES = 32;
    private static final int MAX_LENGTH = 256;

    public static Optional<SignatureHeader> parse(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Long timestamp = null;
        byte[] mac = null;
        for (String part : header.split(",", -1)) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals).trim();
            String value = equals < 0 ? "" : part.substring(equals + 1).trim();
            switch (key) {
                case "t" -> {
                    if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                        return Optional.empty();
                    }
                    timestamp = Long.parseLong(value);
                }
                case "v1" -> {
                    if (mac != null || !value.matches("[0-9a-fA-F]{" + 2 * MAC_BYTES + "}")) {
                        return Optional.empty();
                    }
                    mac = HexFormat.of().parseHex(value);
                }
                default -> {
                    return Optional.empty();
                }
            }
        }
        return timestamp == null || mac == null ? Optional.empty() : Optional.of(new SignatureHeader(timestamp, mac));
    }

    public String format() {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac);
    }
}
