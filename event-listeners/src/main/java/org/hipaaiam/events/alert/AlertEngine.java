package org.hipaaiam.events.alert;

import java.util.ArrayList;
import java.util.List;

/** Runs every rule on one audit record. The failed-login window lives as long as the engine. */
public final class AlertEngine {

    private final List<AlertRule> rules = List.of(new FailedLoginBurstRule(), new PrivilegedRoleGrantRule(), new BreakGlassRule(),
            new InvalidSettingRule(), new InvalidScheduledChangeRule());

    public List<Alert> evaluate(AuditFacts facts, AlertSettings settings, AfterHoursNewLocationRule.KnownAddresses knownAddresses) {
        List<Alert> alerts = new ArrayList<>();
        for (AlertRule rule : rules) {
            rule.evaluate(facts, settings).ifPresent(alerts::add);
        }
        new AfterHoursNewLocationRule(knownAddresses).evaluate(facts, settings).ifPresent(alerts::add);
        return alerts;
    }
}
