package org.hipaaiam.events.alert;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;

/**
 * A privileged role was granted to an account, or put into a composite role (whose holders then hold it too): the
 * SOC verifies the change ticket. A grant the admin-API guard refused (a privileged role for an everyday account)
 * alerts too: the attempt is what the SOC must hear of.
 */
public final class PrivilegedRoleGrantRule implements AlertRule {

    private static final Pattern ROLE_NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");
    /** Admin events adding roles to a composite: `roles/{name}/composites`, `roles-by-id/...`, `clients/.../roles/...`. */
    private static final Pattern COMPOSITE = Pattern.compile("(.*/)?roles(-by-id)?/([^/]+)/composites");

    @Override
    public Optional<Alert> evaluate(AuditFacts facts, AlertSettings settings) {
        Object refusedRole = facts.details().get(AuditDetails.ROLE);
        if (HipaaEvents.API_REFUSED.equals(facts.details().get(AuditDetails.HIPAA_EVENT)) && refusedRole != null) {
            Object account = facts.details().get(AuditDetails.TARGET_USER);
            return Optional.of(Alert.of("privileged-role-grant", "high", "Privileged role grant refused: " + refusedRole,
                    "An attempt to give role " + refusedRole + " to account " + account + ", which may not hold it, was refused;"
                            + " made by " + facts.username() + " from " + facts.ipAddress() + ". Find out why it was tried.", facts));
        }
        if (facts.activityId() != 1 || facts.representation() == null) {
            return Optional.empty();
        }
        Matcher composite = facts.resourcePath() == null ? null : COMPOSITE.matcher(facts.resourcePath());
        boolean intoComposite = composite != null && composite.matches();
        if (facts.classUid() != 3005 && !intoComposite) {
            return Optional.empty();
        }
        Matcher names = ROLE_NAME.matcher(facts.representation());
        while (names.find()) {
            String role = names.group(1);
            if (!settings.privilegedRoles().contains(role)) {
                continue;
            }
            if (intoComposite) {
                return Optional.of(Alert.of("privileged-role-grant", "high", "Privileged role put into composite role " + composite.group(3)
                        + ": " + role, "Role " + role + " was added to the composite role " + composite.group(3)
                        + ", so every holder of that role holds it too, by an administrator from " + facts.ipAddress()
                        + ". Verify the change ticket.", facts));
            }
            return Optional.of(Alert.of("privileged-role-grant", "high", "Privileged role granted: " + role,
                    "Role " + role + " was granted to account " + facts.userId() + " by an administrator from "
                            + facts.ipAddress() + ". Verify the change ticket.", facts));
        }
        return Optional.empty();
    }
}
