package org.hipaaiam.emergency.declared;

import com.fasterxml.jackson.databind.JsonNode;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;

/** A request to declare an emergency, checked: a written reason and an end in the near future. */
record EmergencyDeclaration(String reason, long until) {

    static final int MAX_REASON_CHARS = 500;
    /** A declaration lasts at most a week; a longer emergency is declared again, with a fresh reason. */
    static final long MAX_SECONDS = 7 * 24 * 3600;

    static EmergencyDeclaration parse(String contentType, byte[] body, long nowSeconds) {
        JsonNode request = JsonBody.object(contentType, body);
        String reason = JsonBody.text(request, "reason");
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_CHARS) {
            throw Refusal.invalid("reason is required (1-" + MAX_REASON_CHARS + " characters)");
        }
        JsonNode until = request.get("until");
        if (until == null || !until.isNumber() || !until.canConvertToLong()
                || until.longValue() <= nowSeconds || until.longValue() > nowSeconds + MAX_SECONDS) {
            throw Refusal.invalid("until must be epoch seconds in the future, at most " + MAX_SECONDS + " s ahead");
        }
        return new EmergencyDeclaration(reason.strip(), until.longValue());
    }
}
