package org.hipaaiam.core.signature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignedRequestTest {

    private static final byte[] BODY = "employeeNumber,status\n4821,active\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void theCanonicalFormIsOneFieldPerLineWithTheBodyLast() {
        SignedRequest roster = SignedRequest.to("post", "hipaa",
                URI.create("https://idp.example.org/realms/hipaa/hr-feed/roster?rosterId=roster-2026-11-22&mode=apply&confirm=roster-2026-11-22"), BODY);

        assertEquals("v2\n1795338000\nPOST\nhipaa\n/realms/hipaa/hr-feed/roster\n"
                + "confirm=roster-2026-11-22&mode=apply&rosterId=roster-2026-11-22\nemployeeNumber,status\n4821,active\n", text(roster, 1795338000L));
    }

    @Test
    void noQueryIsAnEmptyLineAndNoBodyEndsTheString() {
        SignedRequest separation = SignedRequest.to("POST", "hipaa", URI.create("http://localhost:8080/realms/hipaa/hr-feed/separations"), null);

        assertEquals("v2\n7\nPOST\nhipaa\n/realms/hipaa/hr-feed/separations\n\n", text(separation, 7));
    }

    @Test
    void namesAndValuesArePercentEncodedOneWayAndSortedByName() {
        SignedRequest sent = SignedRequest.to("POST", "st. mary's", URI.create("https://h/realms/st.%20mary's/alerts?b=%7e+x&a=%2B&c&b=1"), BODY);
        Map<String, List<String>> decoded = new LinkedHashMap<>();
        decoded.put("b", List.of("~ x", "1"));
        decoded.put("a", List.of("+"));
        decoded.put("c", List.of(""));
        SignedRequest routed = SignedRequest.received("POST", "st. mary's", "/realms/st. mary's/alerts", decoded, BODY);

        String expected = "v2\n1\nPOST\nst.%20mary%27s\n/realms/st.%20mary%27s/alerts\na=%2B&b=~%20x&b=1&c=\n";
        assertEquals(expected, text(sent, 1).substring(0, expected.length()));
        assertEquals(text(sent, 1), text(routed, 1));
    }

    @Test
    void aRepeatedNameKeepsTheOrderOfItsValues() {
        SignedRequest dryRunFirst = SignedRequest.to("POST", "hipaa", URI.create("https://h/realms/hipaa/hr-feed/roster?mode=dry-run&mode=apply"), BODY);
        SignedRequest applyFirst = SignedRequest.to("POST", "hipaa", URI.create("https://h/realms/hipaa/hr-feed/roster?mode=apply&mode=dry-run"), BODY);

        assertNotEquals(text(dryRunFirst, 1), text(applyFirst, 1), "the endpoint acts on the first value: the order is signed");
    }

    @Test
    void fieldsCannotRunIntoEachOther() {
        SignedRequest realmWithNewline = SignedRequest.received("POST", "a\nPOST", "/x", Map.of(), BODY);
        SignedRequest plain = SignedRequest.received("POST", "a", "/x", Map.of(), BODY);

        String head = "v2\n1\nPOST\na%0APOST\n/x\n\n";
        assertEquals(head, text(realmWithNewline, 1).substring(0, head.length()));
        assertNotEquals(text(realmWithNewline, 1), text(plain, 1));
        assertNotEquals(text(SignedRequest.received("POST", "a", "/x", Map.of("q", List.of("1&r=2")), BODY), 1),
                text(SignedRequest.received("POST", "a", "/x", Map.of("q", List.of("1"), "r", List.of("2")), BODY), 1));
    }

    @Test
    void anEmptyPathIsTheRootAndABadEscapeIsRefused() {
        assertEquals("v2\n1\nPOST\nhipaa\n/\n\n", text(SignedRequest.to("POST", "hipaa", URI.create("https://soc.example.org"), null), 1));
        assertThrows(IllegalArgumentException.class, () -> SignedRequest.received("GET /x", "hipaa", "/x", Map.of(), BODY));
        assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode("%4", false));
        assertThrows(IllegalArgumentException.class, () -> PercentEncoding.decode("%+1", false));
        assertEquals("a+b", PercentEncoding.decode("a+b", false));
        assertEquals("a b\u00e9", PercentEncoding.decode("a+b%C3%A9", true));
    }

    private static String text(SignedRequest request, long unixSeconds) {
        return new String(request.canonical(unixSeconds), StandardCharsets.UTF_8);
    }
}
