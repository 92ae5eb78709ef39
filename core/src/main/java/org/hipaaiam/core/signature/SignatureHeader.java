package org.hipaaiam.core.signature;

import java.util.HexFormat;
import java.util.Optional;

/**
 * The parsed `X-Hipaa-Signature` header, `t=<unix seconds>,v2=<64 hex digits>`, read once. Each key must appear
 * exactly once and no other key may appear: a header that repeats `t=` could have its MAC checked against one
 * timestamp and its age against another. A `v1=` header (the scheme before v2, over timestamp and body only)
 * is recognised, so that it can be refused as outdated rather than as garbled.
 */
public record SignatureHeader(long timestamp, Scheme scheme, byte[] mac) {

    public static final String NAME = "X-Hipaa-Signature";
    private static final int MAC_BYTES = 32;
    private static final int MAX_LENGTH = 256;

    /** The header's MAC key names the scheme it was made with. */
    public enum Scheme {
        /** Timestamp and body only: no longer accepted. */
        V1("v1"),
        /** Method, realm, path, query, timestamp and body ({@link SignedRequest}). */
        V2("v2");

        private final String key;

        Scheme(String key) {
            this.key = key;
        }

        static Optional<Scheme> ofKey(String key) {
            for (Scheme scheme : values()) {
                if (scheme.key.equals(key)) {
                    return Optional.of(scheme);
                }
            }
            return Optional.empty();
        }
    }

    public static Optional<SignatureHeader> parse(String header) {
        if (header == null || header.isEmpty() || header.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Long timestamp = null;
        Scheme scheme = null;
        byte[] mac = null;
        for (String part : header.split(",", -1)) {
            int equals = part.indexOf('=');
            String key = equals < 0 ? part : part.substring(0, equals).trim();
            String value = equals < 0 ? "" : part.substring(equals + 1).trim();
            if ("t".equals(key)) {
                if (timestamp != null || !value.matches("[0-9]{1,12}")) {
                    return Optional.empty();
                }
                timestamp = Long.parseLong(value);
            } else {
                Optional<Scheme> named = Scheme.ofKey(key);
                if (named.isEmpty() || mac != null || !value.matches("[0-9a-fA-F]{" + 2 * MAC_BYTES + "}")) {
                    return Optional.empty();
                }
                scheme = named.get();
                mac = HexFormat.of().parseHex(value);
            }
        }
        return timestamp == null || mac == null ? Optional.empty() : Optional.of(new SignatureHeader(timestamp, scheme, mac));
    }

    public String format() {
        return "t=" + timestamp + "," + scheme.key + "=" + HexFormat.of().formatHex(mac);
    }
}
