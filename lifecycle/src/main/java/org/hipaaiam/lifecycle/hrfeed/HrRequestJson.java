package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/** The fields every HR event shares (`type`, `eventId`, `employeeNumber`, ISO-8601 instants), read the same way everywhere. */
final class HrRequestJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Pattern EMPLOYEE_NUMBER = Pattern.compile("\\d{4,10}");

    private HrRequestJson() {
    }

    static JsonNode object(byte[] body) {
        JsonNode json;
        if (body == null) {
            throw HrNoticeRefused.malformed("body is not JSON");
        }
        try {
            json = JSON.readTree(body);
        } catch (IOException e) {
            throw HrNoticeRefused.malformed("body is not JSON");
        }
        if (json == null || !json.isObject()) {
            throw HrNoticeRefused.malformed("body must be a JSON object");
        }
        return json;
    }

    /** Every HR body names its type, so a body meant for one endpoint is never read as another's. */
    static void requireType(JsonNode json, String type) {
        if (!type.equals(text(json, "type"))) {
            throw HrNoticeRefused.malformed("type must be \"" + type + "\": every HR body names its type");
        }
    }

    static String eventId(JsonNode json) {
        String eventId = text(json, "eventId");
        if (eventId == null || !EVENT_ID.matcher(eventId).matches()) {
            throw HrNoticeRefused.malformed("eventId must be 1-128 characters of letters, digits, '.', '_', ':' or '-'");
        }
        return eventId;
    }

    static String employeeNumber(JsonNode json) {
        String employeeNumber = text(json, "employeeNumber");
        if (employeeNumber == null || !EMPLOYEE_NUMBER.matcher(employeeNumber).matches()) {
            throw HrNoticeRefused.malformed("employeeNumber must be 4-10 digits");
        }
        return employeeNumber;
    }

    static Optional<Instant> instant(JsonNode json, String field) {
        if (!json.has(field)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(String.valueOf(text(json, field))));
        } catch (DateTimeParseException e) {
            throw HrNoticeRefused.malformed(field + " must be an ISO-8601 instant such as 2026-11-22T17:00:00Z");
        }
    }

    static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
