package org.hipaaiam.events.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs every rule on one audit record. What rules remember between records lives outside the engine, where every
 * node of a cluster sees it: failed sign-ins and reported bad settings in {@link ExpiringClaims}, known addresses on the user.
 */
public final class AlertEngine {

    private final List<AlertRule> stateless = List.of(new PrivilegedRoleGrantRule(), new BreakGlassRule(), new InvalidScheduledChangeRule());

    public List<Alert> evaluate(AuditFacts facts, AlertSettings settings, AfterHoursNewLocationRule.KnownAddresses knownAddresses,
            ExpiringClaims claims) {
        List<Alert> alerts = new ArrayList<>();
        new FailedLoginBurstRule(claims).evaluate(facts, settings).ifPresent(alerts::add);
        new InvalidSettingRule(claims).evaluate(facts, settings).ifPresent(alerts::add);
        for (AlertRule rule : stateless) {
            rule.evaluate(facts, settings).ifPresent(alerts::add);
        }
        new AfterHoursNewLocationRule(knownAddresses).evaluate(facts, settings).ifPresent(alerts::add);
        return alerts;
    }
}
