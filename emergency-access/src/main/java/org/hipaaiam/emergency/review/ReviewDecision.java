package org.hipaaiam.emergency.review;

import com.fasterxml.jackson.databind.JsonNode;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;

/** The Privacy Office's decision on a case, checked: approve or reject, with notes. */
record ReviewDecision(boolean approved, String notes) {

    static final int MAX_NOTES_CHARS = 4000;

    static ReviewDecision parse(String contentType, byte[] body) {
        JsonNode request = JsonBody.object(contentType, body);
        String decision = JsonBody.text(request, "decision");
        String notes = JsonBody.text(request, "notes");
        if (!"approve".equals(decision) && !"reject".equals(decision)) {
            throw Refusal.invalid("decision must be approve or reject");
        }
        if (notes == null || notes.isBlank() || notes.length() > MAX_NOTES_CHARS) {
            throw Refusal.invalid("notes are required (1-" + MAX_NOTES_CHARS + " characters)");
        }
        return new ReviewDecision("approve".equals(decision), notes.strip());
    }

    /** The value stored on the case and shown as its status. */
    String outcome() {
        return approved ? "approved" : "rejected";
    }
}
