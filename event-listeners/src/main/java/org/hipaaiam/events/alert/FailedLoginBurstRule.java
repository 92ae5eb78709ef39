package org.hipaaiam.events.alert;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * N or more failed sign-ins for one account within the window (reference hospital: 5 in 10 minutes), counted
 * across every node of a cluster. Each failure claims one of N slots of the account, each slot living one window;
 * the failure that fills the last free slot while all N live raises the alert, and a burst marker living one
 * window keeps the burst from being reported again, by this node or another.
 */
public final class FailedLoginBurstRule implements AlertRule {

    private static final String PREFIX = "hipaa-failed-sign-in:";

    private final ExpiringClaims claims;

    public FailedLoginBurstRule(ExpiringClaims claims) {
        this.claims = claims;
    }

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (!facts.failed() || facts.classUid() != 3002 || facts.activityId() != 1 || facts.userId() == null) {
            return Optional.empty();
        }
        String account = PREFIX + facts.realmId() + ":" + facts.userId();
        Duration window = settings.failedLoginWindow();
        int threshold = settings.failedLoginThreshold();
        if (claims.exists(account + ":burst")) {
            return Optional.empty();
        }
        boolean counted = IntStream.rangeClosed(1, threshold).anyMatch(slot -> claims.claim(account + ":" + slot, window));
        boolean full = counted && IntStream.rangeClosed(1, threshold).allMatch(slot -> claims.exists(account + ":" + slot));
        if (!full || !claims.claim(account + ":burst", window)) {
            return Optional.empty();
        }
        return Optional.of(Alert.of("failed-login-burst", "high",
                threshold + " failed sign-ins in " + window.toMinutes() + " minutes",
                "Account " + facts.username() + " had " + threshold + " failed sign-ins within "
                        + window.toMinutes() + " minutes; last from " + facts.ipAddress() + ".",
                facts));
    }
}
