package org.hipaaiam.core.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hipaaiam.core.signature.RequestSignature.Verdict;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String SECRET = "hr-signing-secret";
    private static final byte[] BODY = "{\"type\":\"separation\",\"eventId\":\"sep-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;
    private static final SignedRequest SEPARATION = received("/realms/hipaa/hr-feed/separations", Map.of(), BODY);

    @Test
    void aFreshSignatureOverTheRequestIsValid() {
        assertEquals(Verdict.VALID, verify(RequestSignature.sign(SECRET, NOW - 10, SEPARATION), SEPARATION));
    }

    @Test
    void theSenderAndTheReceiverCanonicaliseTheSameRequestAlike() {
        SignedRequest sent = SignedRequest.to("POST", "hipaa", URI.create("https://idp.example.org/realms/hipaa/hr-feed/roster?rosterId=r-1&mode=dry-run"), BODY);
        SignedRequest routed = received("/realms/hipaa/hr-feed/roster", Map.of("mode", List.of("dry-run"), "rosterId", List.of("r-1")), BODY);
        assertEquals(Verdict.VALID, verify(RequestSignature.sign(SECRET, NOW, sent), routed));
    }

    @Test
    void anotherQueryPathRealmOrMethodIsAMismatch() {
        SignedRequest dryRun = received("/realms/hipaa/hr-feed/roster", Map.of("rosterId", List.of("r-1")), BODY);
        String header = RequestSignature.sign(SECRET, NOW, dryRun);
        SignedRequest forcedApply = received("/realms/hipaa/hr-feed/roster",
                Map.of("rosterId", List.of("r-1"), "mode", List.of("apply"), "confirm", List.of("r-1"), "force", List.of("true")), BODY);
        assertEquals(Verdict.MISMATCH, verify(header, forcedApply));
        assertEquals(Verdict.MISMATCH, verify(RequestSignature.sign(SECRET, NOW, received("/realms/hipaa/hr-feed/leaves", Map.of(), BODY)), SEPARATION));
        assertEquals(Verdict.MISMATCH, verify(RequestSignature.sign(SECRET, NOW,
                SignedRequest.received("POST", "clinic-b", "/realms/hipaa/hr-feed/separations", Map.of(), BODY)), SEPARATION));
        assertEquals(Verdict.MISMATCH, verify(RequestSignature.sign(SECRET, NOW,
                SignedRequest.received("PUT", "hipaa", "/realms/hipaa/hr-feed/separations", Map.of(), BODY)), SEPARATION));
    }

    @Test
    void aV1SignatureIsRefusedAsOutdatedEvenWhenItsMacIsGenuine() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((NOW + ".").getBytes(StandardCharsets.UTF_8));
        String v1 = "t=" + NOW + ",v1=" + HexFormat.of().formatHex(mac.doFinal(BODY));
        assertEquals(Verdict.OUTDATED_SCHEME, verify(v1, SEPARATION));
    }

    @Test
    void anOldSignatureSentWithAFreshTimestampInFrontIsMalformed() {
        String signedAnHourAgo = RequestSignature.sign(SECRET, NOW - 3600, SEPARATION);
        assertEquals(Verdict.MALFORMED, verify("t=" + NOW + "," + signedAnHourAgo, SEPARATION));
        assertEquals(Verdict.MALFORMED, verify(signedAnHourAgo + ",t=" + NOW, SEPARATION));
    }

    @Test
    void aRepeatedOrSecondMacIsMalformed() {
        String header = RequestSignature.sign(SECRET, NOW, SEPARATION);
        String mac = header.substring(header.indexOf("v2="));
        assertEquals(Verdict.MALFORMED, verify(header + "," + mac, SEPARATION));
        assertEquals(Verdict.MALFORMED, verify(header + ",v1=" + mac.substring(3), SEPARATION), "v1 and v2 side by side");
    }

    @Test
    void unknownKeysAndBrokenValuesAreMalformed() {
        String header = RequestSignature.sign(SECRET, NOW, SEPARATION);
        String mac = header.substring(header.indexOf("v2="));
        for (String bad : new String[] {header + ",v0=00", "t=abc," + mac, "t=" + NOW + ",v2=zz", "t=" + NOW, mac, "", header + ",",
                "t=-5," + mac, "t=" + NOW + ",v3=" + mac.substring(3), "t=" + NOW + ",v2=" + mac.substring(4)}) {
            assertEquals(Verdict.MALFORMED, verify(bad, SEPARATION), bad);
        }
        assertEquals(Verdict.MALFORMED, verify(null, SEPARATION));
    }

    @Test
    void anotherBodyOrSecretIsAMismatch() {
        String header = RequestSignature.sign(SECRET, NOW, SEPARATION);
        assertEquals(Verdict.MISMATCH, verify(header, received("/realms/hipaa/hr-feed/separations", Map.of(), "{}".getBytes(StandardCharsets.UTF_8))));
        assertEquals(Verdict.MISMATCH, RequestSignature.verify("other-secret", header, SEPARATION, NOW, 300));
    }

    @Test
    void aGenuineSignatureOutsideTheWindowIsStale() {
        assertEquals(Verdict.STALE, verify(RequestSignature.sign(SECRET, NOW - 301, SEPARATION), SEPARATION));
        assertEquals(Verdict.STALE, verify(RequestSignature.sign(SECRET, NOW + 301, SEPARATION), SEPARATION));
    }

    @Test
    void aForgedMacWithAFreshTimestampIsAMismatchNotStale() {
        String header = RequestSignature.sign(SECRET, NOW - 3600, SEPARATION);
        String replayed = "t=" + NOW + "," + header.substring(header.indexOf("v2="));
        assertEquals(Verdict.MISMATCH, verify(replayed, SEPARATION));
    }

    private static Verdict verify(String header, SignedRequest request) {
        return RequestSignature.verify(SECRET, header, request, NOW, 300);
    }

    private static SignedRequest received(String path, Map<String, List<String>> query, byte[] body) {
        return SignedRequest.received("POST", "hipaa", path, query, body);
    }
}
