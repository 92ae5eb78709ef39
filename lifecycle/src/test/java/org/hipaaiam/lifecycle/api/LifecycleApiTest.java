package org.hipaaiam.lifecycle.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.lifecycle.hrfeed.HrNoticeRefused;
import org.hipaaiam.lifecycle.hrfeed.SeparationNotice;
import org.junit.jupiter.api.Test;
import org.keycloak.events.EventType;

class LifecycleApiTest {

    @Test
    void aMalformedNoticeIsABadRequest() {
        HrNoticeRefused malformed = assertThrows(HrNoticeRefused.class,
                () -> SeparationNotice.parse("{\"eventId\": 1}".getBytes(StandardCharsets.UTF_8), Instant.EPOCH));
        Refusal refusal = LifecycleApi.refusal(malformed);
        assertEquals(400, refusal.status());
        assertEquals("malformed_request", refusal.code());
        assertEquals(Map.of(), refusal.details(), "no event id was read");
    }

    @Test
    void refusedNoticesKeepTheirCodesAndNameTheHrEvent() {
        assertRefusal(409, "replayed_event", EventType.INVALID_SIGNATURE_ERROR, HrNoticeRefused.Reason.REPLAYED_EVENT);
        assertRefusal(404, "unknown_employee", EventType.EXECUTE_ACTIONS_ERROR, HrNoticeRefused.Reason.UNKNOWN_EMPLOYEE);
        assertRefusal(409, "account_separated", EventType.EXECUTE_ACTIONS_ERROR, HrNoticeRefused.Reason.ACCOUNT_SEPARATED);
        assertRefusal(409, "not_on_leave", EventType.EXECUTE_ACTIONS_ERROR, HrNoticeRefused.Reason.NOT_ON_LEAVE);
    }

    private static void assertRefusal(int status, String code, EventType audited, HrNoticeRefused.Reason reason) {
        Refusal refusal = LifecycleApi.refusal(new HrNoticeRefused(reason, "why", "hr-sep-1"));
        assertEquals(status, refusal.status());
        assertEquals(code, refusal.code());
        assertEquals(audited, refusal.auditType());
        assertEquals("why", refusal.reason());
        assertEquals(Map.of("hr_event_id", "hr-sep-1"), refusal.details());
    }
}
