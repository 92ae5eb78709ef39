package org.hipaaiam.lifecycle.hrfeed;

/** An HR notice that is not applied, and why; nothing was changed. */
public final class HrNoticeRefused extends RuntimeException {

    public enum Reason {
        /** The notice cannot be read (not JSON, a field missing or of the wrong form). */
        MALFORMED,
        /** An event with this id was already received. */
        REPLAYED_EVENT,
        /** No account carries the employee number. */
        UNKNOWN_EMPLOYEE,
        /** A leave for an employee who was separated. */
        ACCOUNT_SEPARATED,
        /** A return from leave for an employee who is not on leave. */
        NOT_ON_LEAVE
    }

    private final Reason reason;
    private final String eventId;

    public HrNoticeRefused(Reason reason, String message, String eventId) {
        super(message, null, false, false);
        this.reason = reason;
        this.eventId = eventId;
    }

    static HrNoticeRefused malformed(String message) {
        return new HrNoticeRefused(Reason.MALFORMED, message, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The HR event id, where the notice was read far enough to know it. */
    public String eventId() {
        return eventId;
    }
}
