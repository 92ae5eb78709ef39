package org.hipaaiam.lifecycle.roster;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * HR's active roster against the enabled accounts: accounts whose employee number HR no longer lists (orphaned:
 * a separation that never reached Keycloak), and listed employees without an account (missing).
 */
public record RosterDiff(List<Account> orphaned, List<String> missing) {

    public record Account(String username, String employeeNumber) {
    }

    public static RosterDiff of(Collection<String> roster, Collection<Account> enabledAccounts) {
        Set<String> listed = Set.copyOf(roster);
        List<Account> orphaned = enabledAccounts.stream()
                .filter(account -> !listed.contains(account.employeeNumber()))
                .sorted((a, b) -> a.username().compareTo(b.username()))
                .toList();
        Set<String> missing = new TreeSet<>(listed);
        enabledAccounts.forEach(account -> missing.remove(account.employeeNumber()));
        return new RosterDiff(orphaned, List.copyOf(missing));
    }
}
