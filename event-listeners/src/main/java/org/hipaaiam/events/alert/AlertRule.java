package org.hipaaiam.events.alert;

import java.util.Optional;

/** A rule on the audit record stream. */
public interface AlertRule {

    Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings);
}
