package org.hipaaiam.lifecycle.hrfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaveNoticeTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    @Test
    void suspensionNowUntilAReturn() {
        LeaveNotice notice = parse("{\"type\": \"leave\", \"eventId\": \"loa-1\", \"employeeNumber\": \"4821\", \"action\": \"suspend\"}");
        assertEquals(LeaveNotice.Action.SUSPEND, notice.action());
        assertEquals(NOW, notice.startsAt());
        assertEquals(Optional.empty(), notice.endsAt());
        assertTrue(notice.startsBy(NOW));
    }

    @Test
    void futureSuspensionWithAnEnd() {
        LeaveNotice notice = parse("{\"type\": \"leave\", \"eventId\": \"loa-2\", \"employeeNumber\": \"4821\", \"action\": \"suspend\","
                + " \"startsAt\": \"2026-12-10T00:00:00Z\", \"endsAt\": \"2027-01-10T00:00:00Z\"}");
        assertFalse(notice.startsBy(NOW));
        assertEquals(Optional.of(Instant.parse("2027-01-10T00:00:00Z")), notice.endsAt());
    }

    @Test
    void restoreTakesEffectAtOnce() {
        assertEquals(LeaveNotice.Action.RESTORE, parse("{\"type\": \"leave\", \"eventId\": \"loa-3\", \"employeeNumber\": \"4821\", \"action\": \"restore\"}").action());
    }

    @Test
    void badNoticesAreMalformed() {
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"pause\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"48\", \"action\": \"suspend\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\", \"startsAt\": \"tomorrow\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\","
                + " \"startsAt\": \"2026-12-10T00:00:00Z\", \"endsAt\": \"2026-12-09T00:00:00Z\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\", \"endsAt\": \"2026-11-01T00:00:00Z\"}");
        assertMalformed("{\"type\": \"leave\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"restore\", \"endsAt\": \"2027-01-01T00:00:00Z\"}");
        assertMalformed("not json");
        assertMalformed("{\"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\"}");
        assertMalformed("{\"type\": \"separation\", \"eventId\": \"loa-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\"}");
    }

    private static void assertMalformed(String body) {
        assertEquals(HrNoticeRefused.Reason.MALFORMED, assertThrows(HrNoticeRefused.class, () -> parse(body)).reason(), body);
    }

    private static LeaveNotice parse(String body) {
        return LeaveNotice.parse(body.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
