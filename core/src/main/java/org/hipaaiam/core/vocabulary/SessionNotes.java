package org.hipaaiam.core.vocabulary;

/** Notes the bundle keeps on user and authentication sessions; the audit listener reads them into records. */
public final class SessionNotes {

    /** The registered workstation the session was opened at (badge sign-in or a workstation network). */
    public static final String WORKSTATION_ID = "hipaa.workstation.id";
    /** That workstation's class (clinical, administrative, kiosk, mobile-cart). */
    public static final String WORKSTATION_CLASS = "hipaa.workstation.class";

    /**
     * RFC 8176 values a step proved beyond its configured `amr` (space-separated): the fingerprint step's `fpt` or
     * `user`, which depend on the authenticator model and so cannot be a step's static configuration.
     */
    public static final String PROVEN_AMR = "hipaa.amr.proven";
    /** The step whose completion vouches for {@link #PROVEN_AMR}: its configured `amr` value. */
    public static final String PROVEN_AMR_WITH = "hwk";

    private SessionNotes() {
    }
}
