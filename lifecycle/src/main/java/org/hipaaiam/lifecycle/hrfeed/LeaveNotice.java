package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;

/**
 * A leave of absence reported by HR. Start of leave:
 * `{"type": "leave", "eventId": "...", "employeeNumber": "4821", "action": "suspend", "startsAt": "...", "endsAt": "..."}`
 * (`startsAt` optional, default now; `endsAt` optional, default: until a return is reported). Return from leave:
 * `{"type": "leave", "eventId": "...", "employeeNumber": "4821", "action": "restore"}`.
 */
public record LeaveNotice(String eventId, String employeeNumber, Action action, Instant startsAt, Optional<Instant> endsAt) {

    public enum Action { SUSPEND, RESTORE }

    public static final String TYPE = "leave";

    public static LeaveNotice parse(byte[] body, Instant now) {
        JsonNode json = HrRequestJson.object(body);
        HrRequestJson.requireType(json, TYPE);
        String eventId = HrRequestJson.eventId(json);
        String employeeNumber = HrRequestJson.employeeNumber(json);
        Action action = switch (String.valueOf(HrRequestJson.text(json, "action"))) {
            case "suspend" -> Action.SUSPEND;
            case "restore" -> Action.RESTORE;
            default -> throw HrNoticeRefused.malformed("action must be \"suspend\" or \"restore\"");
        };
        if (action == Action.RESTORE) {
            if (json.has("startsAt") || json.has("endsAt")) {
                throw HrNoticeRefused.malformed("a restore takes effect at once; it has no startsAt or endsAt");
            }
            return new LeaveNotice(eventId, employeeNumber, action, now, Optional.empty());
        }
        Instant startsAt = HrRequestJson.instant(json, "startsAt").orElse(now);
        Optional<Instant> endsAt = HrRequestJson.instant(json, "endsAt");
        if (endsAt.isPresent() && !endsAt.get().isAfter(startsAt)) {
            throw HrNoticeRefused.malformed("endsAt must be after startsAt");
        }
        if (endsAt.isPresent() && !endsAt.get().isAfter(now)) {
            throw HrNoticeRefused.malformed("endsAt is in the past");
        }
        return new LeaveNotice(eventId, employeeNumber, action, startsAt, endsAt);
    }

    public boolean startsBy(Instant now) {
        return !startsAt.isAfter(now);
    }
}
