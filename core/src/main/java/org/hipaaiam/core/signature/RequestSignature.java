package org.hipaaiam.core.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 over a {@link SignedRequest}'s canonical form, the one signature scheme of the bundle (v2): the HR
 * system signs what it sends, and the bundle signs its outbound webhooks the same way. Method, realm, path and
 * query are inside the MAC, so a signed request cannot be sent to another endpoint, realm or mode; the timestamp
 * too, so a receiver can refuse a replay older than its window.
 */
public final class RequestSignature {

    /** What a receiver makes of a signed request. */
    public enum Verdict {
        VALID,
        /** Missing, repeated or unknown keys, or values that are not a timestamp and a MAC. */
        MALFORMED,
        /** Well formed, but made with the v1 scheme, which covers neither method, realm, path nor query. */
        OUTDATED_SCHEME,
        /** Well formed, but not made with this secret over this request and timestamp. */
        MISMATCH,
        /** A genuine signature made too long before (or after) the receiver's clock. */
        STALE
    }

    private RequestSignature() {
    }

    public static String sign(String secret, long unixSeconds, SignedRequest request) {
        return new SignatureHeader(unixSeconds, SignatureHeader.Scheme.V2, mac(secret, request.canonical(unixSeconds))).format();
    }

    /** Constant-time check of the header against the request; the MAC is checked before the age, on the one timestamp. */
    public static Verdict verify(String secret, String header, SignedRequest request, long nowSeconds, long windowSeconds) {
        Optional<SignatureHeader> parsed = SignatureHeader.parse(header);
        if (parsed.isEmpty()) {
            return Verdict.MALFORMED;
        }
        SignatureHeader signature = parsed.get();
        if (signature.scheme() != SignatureHeader.Scheme.V2) {
            return Verdict.OUTDATED_SCHEME;
        }
        if (!MessageDigest.isEqual(signature.mac(), mac(secret, request.canonical(signature.timestamp())))) {
            return Verdict.MISMATCH;
        }
        return Math.abs(nowSeconds - signature.timestamp()) > windowSeconds ? Verdict.STALE : Verdict.VALID;
    }

    private static byte[] mac(String secret, byte[] canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(canonical);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
