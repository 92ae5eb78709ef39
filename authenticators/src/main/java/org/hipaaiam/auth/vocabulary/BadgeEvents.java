package org.hipaaiam.auth.vocabulary;

import org.hipaaiam.core.vocabulary.AuditDetails;

/**
 * The {@link AuditDetails#HIPAA_EVENT} values badge sign-in emits, and the event details only it adds. Alert rules
 * and auditors' queries read these names; the shared keys (`hipaa_event`, `reason`) are core's.
 */
public final class BadgeEvents {

    /** A badge and PIN signed someone in. */
    public static final String SIGN_IN = "badge-sign-in";
    /** The PIN step refused (unknown, revoked or disabled badge, wrong or locked PIN, brute-force lockout). */
    public static final String SIGN_IN_FAILED = "badge-sign-in-failed";
    /** The tap step refused a tap (location not allowed, or a signed tap that failed its checks). */
    public static final String TAP_REFUSED = "badge-tap-refused";
    /** Someone else signed in at a workstation: the previous user's session there ended. */
    public static final String SWITCH_USER = "badge-switch-user";
    /** A badge was bound and a PIN set after a full sign-in. */
    public static final String ENROLMENT = "badge-enrolment";
    /** Enrolment refused a badge (held by someone else, or revoked). */
    public static final String ENROLMENT_REFUSED = "badge-enrolment-refused";

    /** Detail: the registered workstation (event detail keys are snake_case). */
    public static final String WORKSTATION = "workstation_id";
    /** Detail of a switch: who signed in next. */
    public static final String NEXT_USER = "next_user_id";
    /** Detail of an enrolment: whether a badge was bound (or only a PIN set). */
    public static final String BADGE_BOUND = "badge_bound";

    private BadgeEvents() {
    }
}
