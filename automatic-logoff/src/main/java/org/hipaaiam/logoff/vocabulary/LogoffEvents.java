package org.hipaaiam.logoff.vocabulary;

import org.hipaaiam.core.vocabulary.AuditDetails;

/** The {@link AuditDetails#HIPAA_EVENT} values automatic logoff emits, and the details only it adds. */
public final class LogoffEvents {

    /** A session was ended by its idle policy (or by a walk-away): one record per ended session. */
    public static final String AUTOMATIC_LOGOFF = "automatic-logoff";
    /** A session passed its lock time (or its user walked away): refresh is refused until it is unlocked. */
    public static final String SESSION_LOCKED = "session-locked";
    /** The session's user signed in again with the class's factor inside the same session. */
    public static final String SESSION_UNLOCKED = "session-unlocked";
    /** An offline token was asked for by a session at a shared workstation: refused. */
    public static final String OFFLINE_REFUSED = "offline-token-refused";

    /** Detail: what ended or locked the session: `idle` or `walk-away`. */
    public static final String TRIGGER = "trigger";
    /** Detail: the session's class as its note says (`workstation:clinical`, `client:patient-portal`, `unclassified`). */
    public static final String SESSION_CLASS = "session_class";
    /** Detail: seconds since the user's last activity. */
    public static final String IDLE_SECONDS = "idle_seconds";
    /** Detail: the policy applied, in its text form. */
    public static final String POLICY = "policy";

    private LogoffEvents() {
    }
}
