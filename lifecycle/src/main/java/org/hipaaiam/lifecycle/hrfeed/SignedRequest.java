package org.hipaaiam.lifecycle.hrfeed;

import java.util.Arrays;
import org.hipaaiam.events.alert.WebhookSignature;

/**
 * The HR system signs each request as the bundle signs its own webhooks:
 * `X-Hipaa-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>`.
 * A valid signature older or newer than the replay window is refused as stale.
 */
public final class SignedRequest {

    private SignedRequest() {
    }

    public static void verify(String secret, String header, byte[] body, long nowSeconds, long windowSeconds) {
        if (header == null || header.isBlank()) {
            throw new Refusal(Refusal.Reason.INVALID_SIGNATURE, "missing " + WebhookSignature.HEADER + " header");
        }
        if (!WebhookSignature.verify(secret, header, body, nowSeconds, Long.MAX_VALUE / 2)) {
            throw new Refusal(Refusal.Reason.INVALID_SIGNATURE, "signature does not match the body");
        }
        long signedAt = timestampOf(header);
        if (Math.abs(nowSeconds - signedAt) > windowSeconds) {
            throw new Refusal(Refusal.Reason.STALE_TIMESTAMP,
                    "signature timestamp is more than " + windowSeconds + " s away from the server's clock");
        }
    }

    /** Only called once the signature verified, so the header is well formed. */
    private static long timestampOf(String header) {
        return Arrays.stream(header.split(","))
                .filter(part -> part.startsWith("t="))
                .mapToLong(part -> Long.parseLong(part.substring(2)))
                .findFirst()
                .orElseThrow();
    }
}
