package org.hipaaiam.events.alert;

import java.time.Duration;

/**
 * Keys that every node of a cluster sees, each living for a set time. A claim succeeds for one caller only while
 * the key lives, whichever node the callers run on.
 */
public interface ExpiringClaims {

    /** True when this call made the key; false while it exists already, made here or on another node. */
    boolean claim(String key, Duration lifespan);

    boolean exists(String key);
}
