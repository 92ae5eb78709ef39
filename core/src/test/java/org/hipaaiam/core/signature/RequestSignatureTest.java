package org.hipaaiam.core.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.hipaaiam.core.signature.RequestSignature.Verdict;
import org.junit.jupiter.api.Test;

class RequestSignatureTest {

    private static final String SECRET = "hr-signing-secret";
    private static final byte[] BODY = "{\"eventId\":\"sep-1\"}".getBytes(StandardCharsets.UTF_8);
    private static final long NOW = 1_800_000_000L;

    @Test
    void aFreshSignatureOverTheBodyIsValid() {
        assertEquals(Verdict.VALID, RequestSignature.verify(SECRET, RequestSignature.sign(SECRET, NOW - 10, BODY), BODY, NOW, 300));
    }

    @Test
    void anOldSignatureSentWithAFreshTimestampInFrontIsMalformed() {
        String signedAnHourAgo = RequestSignature.sign(SECRET, NOW - 3600, BODY);
        assertEquals(Verdict.MALFORMED, RequestSignature.verify(SECRET, "t=" + NOW + "," + signedAnHourAgo, BODY, NOW, 300));
        assertEquals(Verdict.MALFORMED, RequestSignature.verify(SECRET, signedAnHourAgo + ",t=" + NOW, BODY, NOW, 300));
    }

    @Test
    void aRepeatedMacIsMalformed() {
        String header = RequestSignature.sign(SECRET, NOW, BODY);
        String mac = header.substring(header.indexOf("v1="));
        assertEquals(Verdict.MALFORMED, RequestSignature.verify(SECRET, header + "," + mac, BODY, NOW, 300));
    }

    @Test
    void unknownKeysAndBrokenValuesAreMalformed() {
        String header = RequestSignature.sign(SECRET, NOW, BODY);
        for (String bad : new String[] {header + ",v0=00", "t=abc," + header.substring(header.indexOf("v1=")), "t=" + NOW + ",v1=zz",
                "t=" + NOW, header.substring(header.indexOf("v1=")), "", header + ",", "t=-5," + header.substring(header.indexOf("v1="))}) {
            assertEquals(Verdict.MALFORMED, RequestSignature.verify(SECRET, bad, BODY, NOW, 300), bad);
        }
        assertEquals(Verdict.MALFORMED, RequestSignature.verify(SECRET, null, BODY, NOW, 300));
    }

    @Test
    void anotherBodyOrSecretIsAMismatch() {
        String header = RequestSignature.sign(SECRET, NOW, BODY);
        assertEquals(Verdict.MISMATCH, RequestSignature.verify(SECRET, header, "{}".getBytes(StandardCharsets.UTF_8), NOW, 300));
        assertEquals(Verdict.MISMATCH, RequestSignature.verify("other-secret", header, BODY, NOW, 300));
    }

    @Test
    void aGenuineSignatureOutsideTheWindowIsStale() {
        assertEquals(Verdict.STALE, RequestSignature.verify(SECRET, RequestSignature.sign(SECRET, NOW - 301, BODY), BODY, NOW, 300));
        assertEquals(Verdict.STALE, RequestSignature.verify(SECRET, RequestSignature.sign(SECRET, NOW + 301, BODY), BODY, NOW, 300));
    }

    @Test
    void aForgedMacWithAFreshTimestampIsAMismatchNotStale() {
        String header = RequestSignature.sign(SECRET, NOW - 3600, BODY);
        String replayed = "t=" + NOW + "," + header.substring(header.indexOf("v1="));
        assertEquals(Verdict.MISMATCH, RequestSignature.verify(SECRET, replayed, BODY, NOW, 300));
    }
}
