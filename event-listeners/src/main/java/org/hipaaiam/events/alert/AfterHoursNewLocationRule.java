package org.hipaaiam.events.alert;

import java.time.Instant;
import java.util.Optional;

/**
 * A successful sign-in outside business hours from an address this account has not signed in from before.
 * Which addresses an account used is remembered by {@link KnownAddresses}.
 */
public final class AfterHoursNewLocationRule implements AlertRule {

    private final KnownAddresses knownAddresses;

    public AfterHoursNewLocationRule(KnownAddresses knownAddresses) {
        this.knownAddresses = knownAddresses;
    }

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (facts.failed() || !"LOGIN".equals(facts.keycloakType()) || facts.userId() == null || facts.ipAddress() == null) {
            return Optional.empty();
        }
        boolean firstTime = knownAddresses.remember(facts.realmId(), facts.userId(), facts.ipAddress());
        if (!firstTime || isBusinessHours(facts.time(), settings)) {
            return Optional.empty();
        }
        return Optional.of(Alert.of("after-hours-new-location", "medium", "After-hours sign-in from a new address",
                "Account " + facts.username() + " signed in outside business hours from " + facts.ipAddress()
                        + ", an address it has not used before.", facts));
    }

    static boolean isBusinessHours(long time, AlertSettings settings) {
        return settings.businessHours().contains(Instant.ofEpochMilli(time).atZone(settings.zone()).toLocalTime());
    }

    /** Remembers the addresses an account signed in from; `remember` says whether the address was new. */
    public interface KnownAddresses {
        boolean remember(String realmId, String userId, String address);
    }
}
