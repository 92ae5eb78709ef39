package org.hipaaiam.events.alert;

import java.time.Duration;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * A realm attribute held a value the bundle could not use and a safe value was used instead: the IAM team
 * fixes the setting. Every node records the bad value in its own ledger once; the alert is raised once a day
 * for the whole cluster, by whichever node records it first (a claim every node sees).
 */
public final class InvalidSettingRule implements AlertRule {

    static final Duration REPEAT_AFTER = Duration.ofDays(1);
    private static final String PREFIX = "hipaa-setting-invalid:";

    private final ExpiringClaims claims;

    public InvalidSettingRule(ExpiringClaims claims) {
        this.claims = claims;
    }

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (!HipaaEvents.SETTING_INVALID.equals(facts.details().get(AuditDetails.HIPAA_EVENT))) {
            return Optional.empty();
        }
        Object setting = facts.details().get(AuditDetails.SETTING);
        Object reason = facts.details().get(AuditDetails.REASON);
        // The reason names the problem, never the value, so the key holds nothing secret.
        if (!claims.claim(PREFIX + facts.realmId() + ":" + setting + ":" + reason, REPEAT_AFTER)) {
            return Optional.empty();
        }
        return Optional.of(Alert.of("setting-invalid", "medium", "Invalid setting: " + setting,
                "Realm attribute " + setting + " could not be used (" + reason + ").", facts));
    }
}
