package org.hipaaiam.lifecycle.roster;

import java.util.List;
import java.util.Map;
import org.hipaaiam.lifecycle.hrfeed.Refusal;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** Reads the realm's enabled accounts for a roster plan, and the realm's guard against mass disables. */
public final class RosterReconciliation {

    /** Largest share of matchable accounts one roster may disable without `force=true`. */
    public static final String MAX_DISABLE_FRACTION = "hipaa.roster.maxDisableFraction";
    static final double DEFAULT_MAX_DISABLE_FRACTION = 0.10;
    public static final String EMPLOYEE_NUMBER = "employeeNumber";

    private RosterReconciliation() {
    }

    public static List<RosterPlan.Account> enabledAccounts(KeycloakSession session, RealmModel realm) {
        ExemptionRule rule = ExemptionRule.from(realm.getAttributes());
        return session.users().searchForUserStream(realm, Map.of(UserModel.ENABLED, "true"))
                .filter(UserModel::isEnabled)
                .map(user -> new RosterPlan.Account(user.getUsername(), user.getFirstAttribute(EMPLOYEE_NUMBER), exemption(realm, rule, user)))
                .toList();
    }

    public static java.util.Optional<String> exemption(RealmModel realm, ExemptionRule rule, UserModel user) {
        return rule.exemption(user.getUsername(), user.getFirstAttribute(ExemptionRule.ACCOUNT_TYPE_ATTRIBUTE), roleName -> {
            RoleModel role = realm.getRole(roleName);
            return role != null && user.hasRole(role);
        });
    }

    public static double maxDisableFraction(RealmModel realm) {
        String configured = realm.getAttribute(MAX_DISABLE_FRACTION);
        if (configured == null || configured.isBlank()) {
            return DEFAULT_MAX_DISABLE_FRACTION;
        }
        try {
            double fraction = Double.parseDouble(configured.trim());
            if (fraction >= 0 && fraction <= 1) {
                return fraction;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Refusal(Refusal.Reason.NOT_CONFIGURED, "realm attribute " + MAX_DISABLE_FRACTION + " must be a number from 0 to 1");
    }
}
