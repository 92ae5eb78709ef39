package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One separation reported by HR:
 * `{"type": "separation", "eventId": "...", "employeeNumber": "4821", "effectiveAt": "2026-11-22T17:00:00Z"}`.
 * `effectiveAt` is optional (now); a later time schedules the separation.
 */
public record SeparationNotice(String eventId, String employeeNumber, Instant effectiveAt) {

    public static final String TYPE = "separation";

    public static SeparationNotice parse(byte[] body, Instant now) {
        JsonNode json = HrRequestJson.object(body);
        HrRequestJson.requireType(json, TYPE);
        String eventId = HrRequestJson.eventId(json);
        String employeeNumber = HrRequestJson.employeeNumber(json);
        return new SeparationNotice(eventId, employeeNumber, HrRequestJson.instant(json, "effectiveAt").orElse(now));
    }

    public boolean isDueAt(Instant now) {
        return !effectiveAt.isAfter(now);
    }
}
