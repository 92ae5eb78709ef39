package org.hipaaiam.events.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A privileged role was granted to an account: the SOC verifies the change ticket. */
public final class PrivilegedRoleGrantRule implements AlertRule {

    private static final Pattern ROLE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        if (facts.classUid() != 3005 || facts.activityId() != 1 || facts.representation() == null) {
            return Optional.empty();
        }
        Matcher names = ROLE_NAME.matcher(facts.representation());
        while (names.find()) {
            String role = names.group(1);
            if (settings.privilegedRoles().contains(role)) {
                return Optional.of(Alert.of("privileged-role-grant", "high", "Privileged role granted: " + role,
                        "Role " + role + " was granted to account " + facts.userId() + " by an administrator from "
                                + facts.ipAddress() + ". Verify the change ticket.", facts));
            }
        }
        return Optional.empty();
    }
}
