package org.hipaaiam.events.alert;

import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * Every break-glass event alerts the Privacy Office at once. Emergency-access events carry the detail
 * `hipaa_event` with a value starting `break-glass`.
 */
public final class BreakGlassRule implements AlertRule {

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        Object kind = facts.details().get(AuditDetails.HIPAA_EVENT);
        if (!(kind instanceof String name) || !name.startsWith(HipaaEvents.BREAK_GLASS_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Alert.of("break-glass", "critical", "Emergency access: " + name,
                "Account " + facts.username() + " used emergency access (" + name + "). Justification is due within 24 hours.",
                facts));
    }
}
