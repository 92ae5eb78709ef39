package org.hipaaiam.lifecycle.api;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignedRequest;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

class HrSystemTest {

    private static final String SECRET = "shared-hr-secret";
    private static final byte[] BODY = "{\"type\":\"separation\",\"eventId\":\"e-1\",\"employeeNumber\":\"4821\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;
    private static final String PATH = "/realms/hipaa/hr-feed/separations";

    private final Map<String, String> realm = new HashMap<>(Map.of("hipaa.hrFeed.signingSecret", SECRET));

    @Test
    void aFreshSignatureOverTheBodyIsAccepted() {
        assertDoesNotThrow(() -> verify(sign(SECRET, NOW - 30, BODY), BODY));
        assertDoesNotThrow(() -> verify(sign(SECRET, NOW - 300, BODY), BODY), "the edge of the window");
    }

    /** The hole this check closes: the MAC checked against the last `t=`, the age against the first. */
    @Test
    void aCapturedSignatureWithAFreshTimestampInFrontIsMalformed() {
        String capturedAnHourAgo = sign(SECRET, NOW - 3600, BODY);
        assertRefused("malformed_signature", "t=" + NOW + "," + capturedAnHourAgo, BODY);
        assertRefused("malformed_signature", capturedAnHourAgo + ",t=" + NOW, BODY);
        assertRefused("malformed_signature", capturedAnHourAgo + "," + capturedAnHourAgo.substring(capturedAnHourAgo.indexOf("v2=")), BODY);
    }

    @Test
    void aMissingOrGarbledHeaderIsMalformed() {
        assertRefused("malformed_signature", null, BODY);
        assertRefused("malformed_signature", "", BODY);
        assertRefused("malformed_signature", "t=abc,v2=zz", BODY);
        assertRefused("malformed_signature", sign(SECRET, NOW, BODY) + ",v3=00", BODY);
    }

    @Test
    void aV1SignatureIsRefusedWithItsOwnCode() {
        String mac = sign(SECRET, NOW, BODY).substring(("t=" + NOW + ",v2=").length());
        Refusal refusal = assertThrows(Refusal.class, () -> verify("t=" + NOW + ",v1=" + mac, BODY));
        assertEquals(401, refusal.status());
        assertEquals("unsupported_signature_version", refusal.code());
    }

    @Test
    void aSignatureForAnotherEndpointOrQueryDoesNotMatch() {
        String forLeaves = RequestSignature.sign(SECRET, NOW, SignedRequest.received("POST", "hipaa", "/realms/hipaa/hr-feed/leaves", Map.of(), BODY));
        assertRefused("invalid_signature", forLeaves, BODY);
        String withQuery = RequestSignature.sign(SECRET, NOW, SignedRequest.received("POST", "hipaa", PATH, Map.of("force", List.of("true")), BODY));
        assertRefused("invalid_signature", withQuery, BODY);
    }

    @Test
    void anotherSecretOrAnAlteredBodyDoesNotMatch() {
        assertRefused("invalid_signature", sign("other-secret", NOW, BODY), BODY);
        assertRefused("invalid_signature", sign(SECRET, NOW, BODY), "{\"eventId\":\"e-1\",\"employeeNumber\":\"7310\"}"
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aGenuineSignatureOutsideTheReplayWindowIsStale() {
        assertRefused("stale_timestamp", sign(SECRET, NOW - 301, BODY), BODY);
        assertRefused("stale_timestamp", sign(SECRET, NOW + 301, BODY), BODY);
    }

    @Test
    void aBadReplayWindowNarrowsToThirtySecondsInsteadOfRefusingEveryRequest() {
        realm.put("hipaa.hrFeed.replayWindowSeconds", "a week");
        assertDoesNotThrow(() -> verify(sign(SECRET, NOW - 30, BODY), BODY));
        assertRefused("stale_timestamp", sign(SECRET, NOW - 31, BODY), BODY);
    }

    @Test
    void withoutASigningSecretTheFeedIsNotConfigured() {
        realm.remove("hipaa.hrFeed.signingSecret");
        Refusal refusal = assertThrows(Refusal.class, () -> verify(sign(SECRET, NOW, BODY), BODY));
        assertEquals(503, refusal.status());
        assertEquals("not_configured", refusal.code());
    }

    @Test
    void noRefusalRepeatsTheSecret() {
        Refusal refusal = assertThrows(Refusal.class, () -> verify(sign("other-secret", NOW, BODY), BODY));
        assertFalse(refusal.reason().contains(SECRET));
    }

    private void verify(String header, byte[] body) {
        HrSystem.requireSignature(RealmSettings.of(realm, (setting, configured, problem) -> { }), header, separation(body), NOW);
    }

    private static String sign(String secret, long unixSeconds, byte[] body) {
        return RequestSignature.sign(secret, unixSeconds, separation(body));
    }

    private static SignedRequest separation(byte[] body) {
        return SignedRequest.received("POST", "hipaa", PATH, Map.of(), body);
    }

    private void assertRefused(String code, String header, byte[] body) {
        Refusal refusal = assertThrows(Refusal.class, () -> verify(header, body), header);
        assertEquals(401, refusal.status());
        assertEquals(code, refusal.code());
        assertEquals(EventType.INVALID_SIGNATURE_ERROR, refusal.auditType());
    }
}
