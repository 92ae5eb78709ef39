package org.hipaaiam.biometric.enrolment;

/** A registration the bundle does not accept as a fingerprint credential; the message says which check failed. */
public final class EnrolmentRefused extends Exception {

    public EnrolmentRefused(String reason) {
        super(reason);
    }

    public EnrolmentRefused(String reason, Throwable cause) {
        super(reason, cause);
    }
}
