package org.hipaaiam.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over `t + "." + body`, the one signature scheme of the bundle: the HR system signs what it sends,
 * and the bundle signs its outbound webhooks the same way. The timestamp is inside the MAC, so a receiver can
 * refuse a replay older than its window.
 */
public final class RequestSignature {

    /** What a receiver makes of a signed request. */
    public enum Verdict {
        VALID,
        /** Missing, repeated or unknown keys, or values that are not a timestamp and a MAC. */
        MALFORMED,
        /** Well formed, but not made with this secret over this body and timestamp. */
        MISMATCH,
        /** A genuine signature made too long before (or after) the receiver's clock. */
        STALE
    }

    private RequestSignature() {
    }

    public static String sign(String secret, long unixSeconds, byte[] body) {
        return new SignatureHeader(unixSeconds, mac(secret, unixSeconds, body)).format();
    }

    /** Constant-time check of the header against the body; the MAC is checked before the age, on the one timestamp. */
    public static Verdict verify(String secret, String header, byte[] body, long nowSeconds, long windowSeconds) {
        Optional<SignatureHeader> parsed = SignatureHeader.parse(header);
        if (parsed.isEmpty()) {
            return Verdict.MALFORMED;
        }
        SignatureHeader signature = parsed.get();
        if (!MessageDigest.isEqual(signature.mac(), mac(secret, signature.timestamp(), body))) {
            return Verdict.MISMATCH;
        }
        return Math.abs(nowSeconds - signature.timestamp()) > windowSeconds ? Verdict.STALE : Verdict.VALID;
    }

    private static byte[] mac(String secret, long unixSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body == null ? new byte[0] : body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
