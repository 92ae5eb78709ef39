package org.hipaaiam.auth.pin;

/**
 * One PIN attempt decided from the failure count before it: a locked PIN stays locked (even the right PIN is
 * refused), the right PIN clears the count, a wrong one adds one and locks at the policy's maximum.
 */
record PinAttempt(PinCredential.Check outcome, int failuresBefore, int failuresAfter) {

    static PinAttempt of(int failures, boolean matches, int maxFailures) {
        if (failures >= maxFailures) {
            return new PinAttempt(PinCredential.Check.LOCKED, failures, failures);
        }
        if (matches) {
            return new PinAttempt(PinCredential.Check.ACCEPTED, failures, 0);
        }
        int after = failures + 1;
        return new PinAttempt(after >= maxFailures ? PinCredential.Check.LOCKED : PinCredential.Check.WRONG_PIN, failures, after);
    }

    boolean changesCount() {
        return failuresAfter != failuresBefore;
    }
}
