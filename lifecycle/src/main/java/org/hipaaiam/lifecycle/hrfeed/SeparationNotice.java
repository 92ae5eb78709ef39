package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One separation reported by HR: `{"eventId": "...", "employeeNumber": "4821", "effectiveAt": "2026-11-22T17:00:00Z"}`.
 * `effectiveAt` is optional (now); a later time schedules the separation.
 */
public record SeparationNotice(String eventId, String employeeNumber, Instant effectiveAt) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("\\d{4,10}");

    public static SeparationNotice parse(byte[] body, Instant now) {
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw malformed("body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw malformed("body must be a JSON object");
        }
        String eventId = text(json, "eventId");
        String employeeNumber = text(json, "employeeNumber");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw malformed("eventId must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        if (employeeNumber == null || !EMPLOYEE_NUMBER.matcher(employeeNumber).matches()) {
            throw malformed("employeeNumber must be 4-10 digits");
        }
        String effective = text(json, "effectiveAt");
        Instant effectiveAt = now;
        if (effective != null) {
            try {
                effectiveAt = Instant.parse(effective);
            } catch (DateTimeParseException e) {
                throw malformed("effectiveAt must be an ISO-8601 instant such as 2026-11-22T17:00:00Z");
            }
        }
        return new SeparationNotice(eventId, employeeNumber, effectiveAt);
    }

    public boolean isDueAt(Instant now) {
        return !effectiveAt.isAfter(now);
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static Refusal malformed(String message) {
        return new Refusal(Refusal.Reason.MALFORMED_REQUEST, message);
    }
}
