package org.hipaaiam.audit.siem;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.junit.jupiter.api.Test;

class SyslogMessageTest {

    /** 2026-03-01T00:07:00.042Z */
    private static final long EVENT_TIME = 1_772_323_620_042L;
    private static final String ORIGIN = "hospital.example/kc-audit/node1/2026";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void successfulLoginIsAnAuthprivInformationalMessageCarryingTheStoredBytes() {
        byte[] record = utf8("{\"class_uid\":3002,\"status_id\":1,\"user\":{\"name\":\"Zoë\"}}");

        byte[] message = SyslogMessage.ofRecord(SyslogFacility.AUTHPRIV, "kc1.hospital.example", ORIGIN,
                new Frame(7, EVENT_TIME, record)).encode();

        String header = "<86>1 2026-03-01T00:07:00.042Z kc1.hospital.example keycloak-audit - audit"
                + " [ledger@32473 origin=\"" + ORIGIN + "\" index=\"7\"] ";
        assertEquals(header, new String(message, 0, utf8(header).length, StandardCharsets.UTF_8));
        assertArrayEquals(record, Arrays.copyOfRange(message, utf8(header).length, message.length));
    }

    @Test
    void failedActionIsAWarning() {
        byte[] failed = utf8("{\"class_uid\":3002,\"status_id\":2,\"user\":{\"name\":\"jsmith\"}}");
        byte[] failedLast = utf8("{\"class_uid\":3002,\"status_id\":2}");
        byte[] other = utf8("{\"class_uid\":3002,\"status_id\":21}");

        assertEquals(SyslogMessage.SEVERITY_WARNING, SyslogMessage.severityOf(failed));
        assertEquals(SyslogMessage.SEVERITY_WARNING, SyslogMessage.severityOf(failedLast));
        assertEquals(SyslogMessage.SEVERITY_INFORMATIONAL, SyslogMessage.severityOf(other));
        assertEquals(4 * 8 + 4, SyslogMessage.ofRecord(SyslogFacility.AUTH, "h", ORIGIN,
                new Frame(0, EVENT_TIME, failed)).priority());
    }

    @Test
    void checkpointMessageCarriesTheSignedNoteAndTreeSize() {
        byte[] note = utf8(ORIGIN + "\n12\nAAAA\n\n\u2014 hospital.example/kc-audit/node1 BBBB\n");

        SyslogMessage message = SyslogMessage.ofCheckpoint(SyslogFacility.AUTHPRIV, "kc1", ORIGIN, 12,
                new Frame(3, EVENT_TIME, note));

        assertEquals(10 * 8 + 5, message.priority());
        String text = new String(message.encode(), StandardCharsets.UTF_8);
        assertEquals("<85>1 2026-03-01T00:07:00.042Z kc1 keycloak-audit - checkpoint"
                + " [ledger@32473 origin=\"" + ORIGIN + "\" size=\"12\"] " + new String(note, StandardCharsets.UTF_8),
                text);
    }

    @Test
    void timestampIsUtcWithMilliseconds() {
        assertEquals("1970-01-01T00:00:00.000Z", SyslogMessage.timestamp(0));
        assertEquals("2026-03-01T00:07:00.042Z", SyslogMessage.timestamp(EVENT_TIME));
    }

    @Test
    void parameterValuesEscapeQuoteBackslashAndClosingBracket() {
        assertEquals("a\\\"b\\\\c\\]d[e", SyslogMessage.escapeParamValue("a\"b\\c]d[e"));
        assertEquals("[ledger@32473 origin=\"x\\]y\" index=\"1\"]", SyslogMessage.structuredData("x]y", "index", 1));
    }

    @Test
    void octetCountingPrefixesTheLengthInBytesNotCharacters() {
        SyslogMessage message = SyslogMessage.ofRecord(SyslogFacility.AUTHPRIV, "kc1", ORIGIN,
                new Frame(0, EVENT_TIME, utf8("{\"name\":\"Zoë Müller\"}")));
        byte[] body = message.encode();

        byte[] framed = message.octetCounted();

        byte[] prefix = utf8(body.length + " ");
        assertArrayEquals(prefix, Arrays.copyOf(framed, prefix.length));
        assertArrayEquals(body, Arrays.copyOfRange(framed, prefix.length, framed.length));
        assertEquals(body.length, new String(body, StandardCharsets.UTF_8).length() + 2);
    }
}
