package org.hipaaiam.events.alert;

import java.time.Duration;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Claims kept in Keycloak's single-use object store (the replicated `actionTokens` cache of a cluster), where
 * `putIfAbsent` is atomic across nodes: the store Keycloak itself uses for one-time codes and tokens.
 */
final class SingleUseObjectClaims implements ExpiringClaims {

    private final SingleUseObjectProvider store;

    SingleUseObjectClaims(SingleUseObjectProvider store) {
        this.store = store;
    }

    @Override
    public boolean claim(String key, Duration lifespan) {
        // The store counts in whole seconds: round up, so a key never lives shorter than asked.
        return store.putIfAbsent(key, Math.max(1, (lifespan.toMillis() + 999) / 1000));
    }

    @Override
    public boolean exists(String key) {
        return store.contains(key);
    }
}
