package org.hipaaiam.lifecycle.roster;

import java.util.List;
import java.util.Map;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.lifecycle.identity.WorkforceIdentifiers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Reads the realm's enabled accounts for a roster plan. */
public final class RosterReconciliation {

    private RosterReconciliation() {
    }

    public static List<RosterPlan.Account> enabledAccounts(KeycloakSession session, RealmModel realm, RealmSettings settings) {
        ExemptionRule rule = ExemptionRule.of(settings);
        return session.users().searchForUserStream(realm, Map.of(UserModel.ENABLED, "true"))
                .filter(UserModel::isEnabled)
                .map(user -> new RosterPlan.Account(user.getUsername(), user.getFirstAttribute(WorkforceIdentifiers.EMPLOYEE_NUMBER),
                        rule.exemption(realm, user)))
                .toList();
    }
}
