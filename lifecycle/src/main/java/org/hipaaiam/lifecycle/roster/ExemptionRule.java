package org.hipaaiam.lifecycle.roster;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Accounts that roster reconciliation and dormant-account clean-up never disable: accounts of the listed kinds
 * (by default service, emergency and disaster-recovery accounts: they sign in rarely and must work when needed),
 * accounts whose username starts with a listed prefix, and holders of any listed realm role. Each list is a
 * comma-separated realm attribute.
 */
public record ExemptionRule(Set<AccountKind> accountKinds, List<String> usernamePrefixes, List<String> roles) {

    public static ExemptionRule of(RealmSettings settings) {
        return new ExemptionRule(settings.get(LifecycleSettings.EXEMPT_ACCOUNT_KINDS), settings.get(LifecycleSettings.EXEMPT_USERNAME_PREFIXES),
                settings.get(LifecycleSettings.EXEMPT_ROLES));
    }

    /** Why the realm's account is exempt, or empty when it is not. */
    public Optional<String> exemption(RealmModel realm, UserModel user) {
        return exemption(AccountKind.of(user), user.getUsername(), roleName -> {
            RoleModel role = realm.getRole(roleName);
            return role != null && user.hasRole(role);
        });
    }

    /** Why the account is exempt (the rule that matched), or empty when it is not. */
    public Optional<String> exemption(AccountKind kind, String username, Predicate<String> hasRealmRole) {
        if (accountKinds.contains(kind)) {
            return Optional.of(kind.value() + " account");
        }
        for (String prefix : usernamePrefixes) {
            if (username != null && username.startsWith(prefix)) {
                return Optional.of("username prefix " + prefix);
            }
        }
        return roles.stream().filter(hasRealmRole).findFirst().map(role -> "realm role " + role);
    }
}
