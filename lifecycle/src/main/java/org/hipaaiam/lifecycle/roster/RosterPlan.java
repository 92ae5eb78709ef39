package org.hipaaiam.lifecycle.roster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * HR's roster against the enabled accounts: which accounts to disable (terminated, or absent from the roster:
 * a separation that never reached Keycloak), which would be but are exempt, which carry no employee number to
 * match (reported, never disabled on a guess), and which active employees have no enabled account. Accounts a
 * leave of absence alone holds disabled are matched too: those terminated or absent are kept disabled when the
 * leave ends (`keptDisabled`), and count against the mass-disable guard like the accounts to disable.
 */
public record RosterPlan(List<Change> toDisable, List<Excepted> excepted, List<String> unidentified, List<String> missing,
        int matchableAccounts, List<Change> keptDisabled) {

    /** An enabled account; `exemption` is why it may not be disabled by rule, if it may not. */
    public record Account(String username, String employeeNumber, Optional<String> exemption) {
    }

    public record Change(String username, String employeeNumber, String reason) {
    }

    public record Excepted(String username, String employeeNumber, String reason, String rule) {
    }

    public static RosterPlan of(Roster roster, Collection<Account> enabledAccounts) {
        return of(roster, enabledAccounts, List.of());
    }

    /** `onLeave`: accounts disabled by a leave alone, which the leave's end would enable again. */
    public static RosterPlan of(Roster roster, Collection<Account> enabledAccounts, Collection<Account> onLeave) {
        List<Change> toDisable = new ArrayList<>();
        List<Excepted> excepted = new ArrayList<>();
        List<String> unidentified = new ArrayList<>();
        int matchable = 0;
        for (Account account : sorted(enabledAccounts)) {
            if (account.employeeNumber() == null) {
                if (account.exemption().isEmpty()) {
                    unidentified.add(account.username());
                }
                continue;
            }
            String reason = disableReason(roster, account);
            if (account.exemption().isPresent()) {
                if (reason != null) {
                    excepted.add(new Excepted(account.username(), account.employeeNumber(), reason, account.exemption().get()));
                }
                continue;
            }
            matchable++;
            if (reason != null) {
                toDisable.add(new Change(account.username(), account.employeeNumber(), reason));
            }
        }
        List<Change> keptDisabled = new ArrayList<>();
        for (Account account : sorted(onLeave)) {
            if (account.employeeNumber() != null && account.exemption().isEmpty()) {
                matchable++;
                String reason = disableReason(roster, account);
                if (reason != null) {
                    keptDisabled.add(new Change(account.username(), account.employeeNumber(), reason));
                }
            }
        }
        Set<String> missing = roster.employees().entrySet().stream().filter(e -> e.getValue() == Roster.Status.ACTIVE)
                .map(e -> e.getKey()).collect(Collectors.toCollection(TreeSet::new));
        enabledAccounts.stream().map(Account::employeeNumber).filter(number -> number != null).forEach(missing::remove);
        return new RosterPlan(List.copyOf(toDisable), List.copyOf(excepted), List.copyOf(unidentified), List.copyOf(missing), matchable,
                List.copyOf(keptDisabled));
    }

    private static String disableReason(Roster roster, Account account) {
        Roster.Status status = roster.employees().get(account.employeeNumber());
        return status == null ? "absent" : status == Roster.Status.TERMINATED ? "terminated" : null;
    }

    /**
     * Share of the matchable accounts (enabled or on leave, not exempt, with an employee number) this roster would
     * disable or keep disabled after a leave.
     */
    public double disableFraction() {
        return matchableAccounts == 0 ? 0 : (double) (toDisable.size() + keptDisabled.size()) / matchableAccounts;
    }

    /** A truncated or wrong HR export must not disable the hospital: more than the allowed share needs `force`. */
    public boolean exceeds(double maxDisableFraction) {
        return disableFraction() > maxDisableFraction;
    }

    private static List<Account> sorted(Collection<Account> accounts) {
        return accounts.stream().sorted(Comparator.comparing(Account::username)).toList();
    }
}
