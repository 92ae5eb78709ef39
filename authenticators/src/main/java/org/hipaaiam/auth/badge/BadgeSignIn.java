package org.hipaaiam.auth.badge;

/** Notes a badge sign-in keeps on its authentication session, and the one message every refusal shows. */
public final class BadgeSignIn {

    /** Auth note: why the tapped badge identified nobody (unknown, revoked, disabled); used when the PIN is refused. */
    public static final String UNRECOGNISED = "hipaa.badge.unrecognised";

    /** Auth note: this sign-in went through the tap step (enrolment then refuses to set a PIN). */
    public static final String BADGE_PATH = "hipaa.signIn.badge";

    /** Client note set when the user picks "password and one-time code" on the tap page; survives a flow reset. */
    public static final String PASSWORD_CHOSEN = "hipaa.signIn.passwordChosen";

    /** The one message for every unknown, revoked or disabled badge and every wrong or locked PIN. */
    public static final String GENERIC_ERROR = "hipaaBadgeOrPinInvalid";

    private BadgeSignIn() {
    }
}
