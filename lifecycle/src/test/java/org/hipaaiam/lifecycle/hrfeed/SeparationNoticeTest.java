package org.hipaaiam.lifecycle.hrfeed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SeparationNoticeTest {

    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    @Test
    void separationWithoutEffectiveTimeIsDueNow() {
        SeparationNotice notice = parse("{\"type\": \"separation\", \"eventId\": \"hr-1\", \"employeeNumber\": \"4821\"}");
        assertEquals(new SeparationNotice("hr-1", "4821", NOW), notice);
        assertTrue(notice.isDueAt(NOW));
    }

    @Test
    void futureEffectiveTimeIsNotDueYet() {
        SeparationNotice notice = parse("{\"type\": \"separation\", \"eventId\": \"hr-2\", \"employeeNumber\": \"4821\", \"effectiveAt\": \"2026-11-22T17:00:00Z\"}");
        assertFalse(notice.isDueAt(NOW));
        assertTrue(notice.isDueAt(Instant.parse("2026-11-22T17:00:00Z")));
    }

    @Test
    void malformedRequestsAreRefusedWithAReason() {
        for (String body : new String[] {"not json", "[1, 2]", "{\"type\": \"separation\", \"employeeNumber\": \"4821\"}", "{\"type\": \"separation\", \"eventId\": \"hr-3\"}",
                "{\"type\": \"separation\", \"eventId\": \"hr 3 with spaces\", \"employeeNumber\": \"4821\"}", "{\"type\": \"separation\", \"eventId\": \"hr-3\", \"employeeNumber\": 4821}",
                "{\"type\": \"separation\", \"eventId\": \"hr-3\", \"employeeNumber\": \"48a1\"}",
                "{\"type\": \"separation\", \"eventId\": \"hr-3\", \"employeeNumber\": \"4821\", \"effectiveAt\": \"tomorrow\"}"}) {
            HrNoticeRefused refusal = assertThrows(HrNoticeRefused.class, () -> parse(body), body);
            assertEquals(HrNoticeRefused.Reason.MALFORMED, refusal.reason(), body);
            assertFalse(refusal.getMessage().isBlank());
        }
    }

    @Test
    void aNoticeWithoutItsTypeOrOfAnotherTypeIsMalformed() {
        for (String body : new String[] {"{\"eventId\": \"hr-4\", \"employeeNumber\": \"4821\"}",
                "{\"type\": \"leave\", \"eventId\": \"hr-4\", \"employeeNumber\": \"4821\", \"action\": \"suspend\"}",
                "{\"type\": [\"separation\"], \"eventId\": \"hr-4\", \"employeeNumber\": \"4821\"}"}) {
            HrNoticeRefused refusal = assertThrows(HrNoticeRefused.class, () -> parse(body), body);
            assertEquals(HrNoticeRefused.Reason.MALFORMED, refusal.reason(), body);
            assertTrue(refusal.getMessage().contains("type"), refusal.getMessage());
        }
    }

    private static SeparationNotice parse(String body) {
        return SeparationNotice.parse(body.getBytes(StandardCharsets.UTF_8), NOW);
    }
}
