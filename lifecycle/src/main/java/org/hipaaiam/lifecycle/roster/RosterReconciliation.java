package org.hipaaiam.lifecycle.roster;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hipaaiam.core.account.DisabledByLeave;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.lifecycle.identity.WorkforceIdentifiers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Reads the realm's enabled accounts, and those a leave alone holds disabled, for a roster plan. */
public final class RosterReconciliation {

    private RosterReconciliation() {
    }

    public static List<RosterPlan.Account> enabledAccounts(KeycloakSession session, RealmModel realm, RealmSettings settings) {
        return accounts(realm, settings, session.users().searchForUserStream(realm, Map.of(UserModel.ENABLED, "true")).filter(UserModel::isEnabled));
    }

    public static List<RosterPlan.Account> onLeaveAccounts(KeycloakSession session, RealmModel realm, RealmSettings settings) {
        return accounts(realm, settings, session.users().searchForUserByUserAttributeStream(realm, DisabledByLeave.ATTRIBUTE, "true")
                .filter(DisabledByLeave::isLeavesOwn));
    }

    private static List<RosterPlan.Account> accounts(RealmModel realm, RealmSettings settings, Stream<UserModel> users) {
        ExemptionRule rule = ExemptionRule.of(settings);
        return users.map(user -> new RosterPlan.Account(user.getUsername(), user.getFirstAttribute(WorkforceIdentifiers.EMPLOYEE_NUMBER),
                        rule.exemption(realm, user)))
                .toList();
    }
}
