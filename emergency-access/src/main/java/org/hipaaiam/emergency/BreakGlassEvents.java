package org.hipaaiam.emergency;

import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * Values of the audit detail `hipaa_event` this module emits. Those built on the break-glass prefix alert the
 * Privacy Office through the audit listener's BreakGlassRule (webhook + e-mail outbox).
 */
public final class BreakGlassEvents {

    public static final String ELEVATION = HipaaEvents.BREAK_GLASS_PREFIX + "-elevation";
    public static final String REFUSED = HipaaEvents.BREAK_GLASS_PREFIX + "-refused";
    public static final String JUSTIFIED = HipaaEvents.BREAK_GLASS_PREFIX + "-justified";
    public static final String REMINDER = HipaaEvents.BREAK_GLASS_PREFIX + "-justification-reminder";
    public static final String OVERDUE = HipaaEvents.BREAK_GLASS_PREFIX + "-justification-overdue";
    public static final String REVIEWED = HipaaEvents.BREAK_GLASS_PREFIX + "-reviewed";
    public static final String EMERGENCY_DECLARED = HipaaEvents.BREAK_GLASS_PREFIX + "-emergency-declared";
    public static final String EMERGENCY_ENDED = HipaaEvents.BREAK_GLASS_PREFIX + "-emergency-ended";
    public static final String DR_SIGN_IN = HipaaEvents.BREAK_GLASS_PREFIX + "-dr-sign-in";
    /** Bad input on a break-glass or justification form: audited, not alerted (API refusals are `api-refused`). */
    public static final String INVALID_REQUEST = "emergency-access-invalid-request";

    private BreakGlassEvents() {
    }
}
