package org.hipaaiam.events.alert;

import java.util.Optional;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * A scheduled change on an account (an HR separation's or leave's time) could not be read, so the due-check task
 * skipped it: a separation that should end access may not happen. High, because access may outlast the
 * employment; each bad value is recorded once per node, so it alerts once.
 */
public final class InvalidScheduledChangeRule implements AlertRule {

    static final String DETAIL_ATTRIBUTE = "attribute";

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (!HipaaEvents.SCHEDULED_CHANGE_INVALID.equals(facts.details().get(AuditDetails.HIPAA_EVENT))) {
            return Optional.empty();
        }
        Object attribute = facts.details().get(DETAIL_ATTRIBUTE);
        return Optional.of(Alert.of("scheduled-change-invalid", "high", "Scheduled change not applied: " + attribute,
                "User attribute " + attribute + " could not be read (" + facts.details().get(AuditDetails.REASON)
                        + "); the change was skipped. Correct the attribute or have HR send the change again.", facts));
    }
}
