package org.hipaaiam.lifecycle.roster;

/** HR's roster cannot be read: the reason says what is wrong with it. Nothing was changed. */
public final class InvalidRoster extends RuntimeException {

    InvalidRoster(String reason) {
        super(reason, null, false, false);
    }
}
