package org.hipaaiam.lifecycle.roster;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Accounts that roster reconciliation and dormant-account clean-up never disable: service accounts (username
 * prefix `svc-`, Keycloak's `service-account-` users), accounts whose `accountType` attribute is `service` or
 * `emergency` or `disaster-recovery` (they sign in rarely and must work when needed), and
 * holders of any listed realm role. Each part is a comma-separated realm attribute.
 */
public record ExemptionRule(List<String> usernamePrefixes, List<String> accountTypes, List<String> roles) {

    public static final String USERNAME_PREFIXES = "hipaa.lifecycle.exemptUsernamePrefixes";
    public static final String ACCOUNT_TYPES = "hipaa.lifecycle.exemptAccountTypes";
    public static final String ROLES = "hipaa.lifecycle.exemptRoles";
    public static final String ACCOUNT_TYPE_ATTRIBUTE = "accountType";
    static final String DEFAULT_USERNAME_PREFIXES = "svc-,service-account-";
    static final String DEFAULT_ACCOUNT_TYPES = "service,emergency,disaster-recovery";

    public static ExemptionRule from(Map<String, String> realmAttributes) {
        return new ExemptionRule(list(realmAttributes.getOrDefault(USERNAME_PREFIXES, DEFAULT_USERNAME_PREFIXES)),
                list(realmAttributes.getOrDefault(ACCOUNT_TYPES, DEFAULT_ACCOUNT_TYPES)),
                list(realmAttributes.getOrDefault(ROLES, "")));
    }

    /** Why the account is exempt (the rule that matched), or empty when it is not. */
    public Optional<String> exemption(String username, String accountType, Predicate<String> hasRealmRole) {
        for (String prefix : usernamePrefixes) {
            if (username != null && username.startsWith(prefix)) {
                return Optional.of("username prefix " + prefix);
            }
        }
        if (accountType != null && accountTypes.contains(accountType.trim())) {
            return Optional.of("accountType " + accountType.trim());
        }
        return roles.stream().filter(hasRealmRole).findFirst().map(role -> "realm role " + role);
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
