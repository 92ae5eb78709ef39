package org.hipaaiam.events.alert;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Claims in one map that expire by a clock the test sets: what every node of a cluster shares. */
final class ClockedClaims implements ExpiringClaims {

    private final Map<String, Long> expiries = new HashMap<>();
    long now;

    @Override
    public boolean claim(String key, Duration lifespan) {
        if (exists(key)) {
            return false;
        }
        expiries.put(key, now + lifespan.toMillis());
        return true;
    }

    @Override
    public boolean exists(String key) {
        Long expiry = expiries.get(key);
        return expiry != null && expiry > now;
    }
}
