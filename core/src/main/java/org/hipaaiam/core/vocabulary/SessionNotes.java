package org.hipaaiam.core.vocabulary;

/** Notes the bundle keeps on user and authentication sessions; the audit listener reads them into records. */
public final class SessionNotes {

    /** The registered workstation the session was opened at (badge sign-in or a workstation network). */
    public static final String WORKSTATION_ID = "hipaa.workstation.id";
    /** That workstation's class (clinical, administrative, kiosk, mobile-cart). */
    public static final String WORKSTATION_CLASS = "hipaa.workstation.class";

    private SessionNotes() {
    }
}
