package org.hipaaiam.events.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook signing: header `X-Hipaa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * The timestamp is inside the MAC so a receiver can refuse replays older than its tolerance.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Hipaa-Signature";

    private WebhookSignature() {
    }

    public static String sign(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(mac(secret, unixSeconds, body));
    }

    /** For receivers: constant-time check of a header against the body, within a tolerance in seconds. */
    public static boolean verify(String secret, String header, byte[] body, long nowSeconds, long toleranceSeconds) {
        long timestamp = -1;
        byte[] given = null;
        try {
            for (String part : header.split(",")) {
                if (part.startsWith("t=")) {
                    timestamp = Long.parseLong(part.substring(2));
                } else if (part.startsWith("v1=")) {
                    given = HexFormat.of().parseHex(part.substring(3));
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (given == null || timestamp < 0 || Math.abs(nowSeconds - timestamp) > toleranceSeconds) {
            return false;
        }
        return MessageDigest.isEqual(given, mac(secret, timestamp, body));
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
