package org.hipaaiam.auth.workstation;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Spends a tap assertion's nonce once, cluster-wide, for as long as the assertion could still be accepted. */
public final class TapNonces {

    private TapNonces() {
    }

    /** False when this nonce of this workstation was already used: a replay. */
    public static boolean spend(KeycloakSession session, RealmModel realm, TapAssertion.Verified tap, long nowSeconds) {
        long lifespan = Math.max(1, tap.expiresAt() + TapAssertion.CLOCK_SKEW_SECONDS - nowSeconds + 1);
        return session.singleUseObjects().putIfAbsent(
                "hipaa.tap-nonce:" + realm.getId() + ":" + tap.workstation().id() + ":" + tap.nonce(), lifespan);
    }
}
