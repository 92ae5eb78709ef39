package org.hipaaiam.lifecycle.hrfeed;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.keycloak.models.UserModel;

/**
 * A time kept on the account that is not an ISO-8601 instant: a scheduled change that cannot be applied, or a
 * completed separation whose latency cannot be told.
 */
final class UnreadableScheduledChange extends RuntimeException {

    private final String attribute;
    private final String value;

    private UnreadableScheduledChange(String attribute, String value) {
        super("user attribute " + attribute + " is not an ISO-8601 instant", null, false, false);
        this.attribute = attribute;
        this.value = value;
    }

    /** The instant in the account's attribute; an unreadable one is this exception, never a `DateTimeParseException`. */
    static Instant instant(UserModel account, String attribute) {
        String value = account.getFirstAttribute(attribute);
        if (value == null) {
            throw new UnreadableScheduledChange(attribute, null);
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new UnreadableScheduledChange(attribute, value);
        }
    }

    String attribute() {
        return attribute;
    }

    /** The bad value, to tell one mistake from the next; never recorded. */
    String value() {
        return value;
    }
}
