package org.hipaaiam.emergency;

/**
 * Values of the audit detail `hipaa_event` this module emits. Those starting `break-glass` alert the Privacy
 * Office through the audit listener's BreakGlassRule (webhook + e-mail outbox).
 */
public final class HipaaEvents {

    public static final String DETAIL = "hipaa_event";

    public static final String ELEVATION = "break-glass-elevation";
    public static final String REFUSED = "break-glass-refused";
    public static final String JUSTIFIED = "break-glass-justified";
    public static final String REMINDER = "break-glass-justification-reminder";
    public static final String OVERDUE = "break-glass-justification-overdue";
    public static final String REVIEWED = "break-glass-reviewed";
    public static final String EMERGENCY_DECLARED = "break-glass-emergency-declared";
    public static final String EMERGENCY_ENDED = "break-glass-emergency-ended";
    public static final String DR_SIGN_IN = "break-glass-dr-sign-in";
    /** Bad input on a break-glass form or request: audited, not alerted. */
    public static final String INVALID_REQUEST = "emergency-access-invalid-request";
    /** A caller without the needed role on the review or emergency API: audited, not alerted. */
    public static final String FORBIDDEN = "emergency-access-forbidden";

    private HipaaEvents() {
    }
}
