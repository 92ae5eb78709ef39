package org.hipaaiam.auth.workstation;

/** A workstation that cannot be registered as described, with the reason in words an admin can act on. */
public final class InvalidWorkstation extends IllegalArgumentException {

    InvalidWorkstation(String reason) {
        super(reason);
    }
}
