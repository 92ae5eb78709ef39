package org.hipaaiam.events.alert;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * N or more failed sign-ins for one account within the window (reference hospital: 5 in 10 minutes).
 * Fires once when the count reaches the threshold, then again only after the window has emptied. The
 * window is kept in this node's memory: a restart or a second node starts counting afresh, while
 * Keycloak's brute-force lockout (same numbers in the shipped realm) still holds cluster-wide.
 */
public final class FailedLoginBurstRule implements AlertRule {

    private final Map<String, Deque<Long>> failuresByAccount = new ConcurrentHashMap<>();

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (!facts.failed() || facts.classUid() != 3002 || facts.activityId() != 1 || facts.userId() == null) {
            return Optional.empty();
        }
        Deque<Long> failures = failuresByAccount.computeIfAbsent(facts.realmId() + "/" + facts.userId(), k -> new ArrayDeque<>());
        synchronized (failures) {
            long windowStart = facts.time() - settings.failedLoginWindow().toMillis();
            while (!failures.isEmpty() && failures.peekFirst() < windowStart) {
                failures.pollFirst();
            }
            failures.addLast(facts.time());
            if (failures.size() != settings.failedLoginThreshold()) {
                return Optional.empty();
            }
        }
        return Optional.of(Alert.of("failed-login-burst", "high",
                settings.failedLoginThreshold() + " failed sign-ins in " + settings.failedLoginWindow().toMinutes() + " minutes",
                "Account " + facts.username() + " had " + settings.failedLoginThreshold() + " failed sign-ins within "
                        + settings.failedLoginWindow().toMinutes() + " minutes; last from " + facts.ipAddress() + ".",
                facts));
    }
}
