package org.hipaaiam.events.alert;

import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * A realm attribute held a value the bundle could not use and a safe value was used instead: the IAM team
 * fixes the setting. Each bad value is recorded once per node, so it alerts once.
 */
public final class InvalidSettingRule implements AlertRule {

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (!HipaaEvents.SETTING_INVALID.equals(facts.details().get(AuditDetails.HIPAA_EVENT))) {
            return Optional.empty();
        }
        Object setting = facts.details().get(AuditDetails.SETTING);
        return Optional.of(Alert.of("setting-invalid", "medium", "Invalid setting: " + setting,
                "Realm attribute " + setting + " could not be used (" + facts.details().get(AuditDetails.REASON) + ").", facts));
    }
}
