package org.hipaaiam.lifecycle.hrfeed;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.hipaaiam.events.alert.WebhookSignature;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final String SECRET = "shared-hr-secret";
    private static final byte[] BODY = "{\"eventId\":\"e-1\",\"employeeNumber\":\"4821\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;

    @Test
    void freshSignatureOverTheBodyIsAccepted() {
        assertDoesNotThrow(() -> SignedRequest.verify(SECRET, WebhookSignature.sign(SECRET, NOW - 30, BODY), BODY, NOW, 300));
    }

    @Test
    void signatureWithAnotherSecretIsRefused() {
        assertReason(Refusal.Reason.INVALID_SIGNATURE, WebhookSignature.sign("other-secret", NOW, BODY), BODY);
    }

    @Test
    void alteredBodyIsRefused() {
        byte[] altered = "{\"eventId\":\"e-1\",\"employeeNumber\":\"7310\"}".getBytes(StandardCharsets.UTF_8);
        assertReason(Refusal.Reason.INVALID_SIGNATURE, WebhookSignature.sign(SECRET, NOW, BODY), altered);
    }

    @Test
    void missingOrGarbledHeaderIsRefused() {
        assertReason(Refusal.Reason.INVALID_SIGNATURE, null, BODY);
        assertReason(Refusal.Reason.INVALID_SIGNATURE, "t=abc,v1=zz", BODY);
    }

    @Test
    void validSignatureOutsideTheReplayWindowIsStale() {
        assertReason(Refusal.Reason.STALE_TIMESTAMP, WebhookSignature.sign(SECRET, NOW - 301, BODY), BODY);
        assertReason(Refusal.Reason.STALE_TIMESTAMP, WebhookSignature.sign(SECRET, NOW + 301, BODY), BODY);
    }

    @Test
    void edgeOfTheWindowIsStillFresh() {
        assertDoesNotThrow(() -> SignedRequest.verify(SECRET, WebhookSignature.sign(SECRET, NOW - 300, BODY), BODY, NOW, 300));
    }

    private static void assertReason(Refusal.Reason expected, String header, byte[] body) {
        Refusal refusal = assertThrows(Refusal.class, () -> SignedRequest.verify(SECRET, header, body, NOW, 300));
        assertEquals(expected, refusal.reason());
    }
}
