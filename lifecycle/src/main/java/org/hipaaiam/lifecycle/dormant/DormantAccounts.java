package org.hipaaiam.lifecycle.dormant;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Enabled accounts nobody has signed in to for the realm's number of days. An account that never signed in
 * counts from its creation. Exempt accounts (service, emergency) are never dormant: they are meant to sit idle.
 */
public final class DormantAccounts {

    static final long SECONDS_PER_DAY = 86_400;

    /** `lastSignInAt` and `createdAt` in epoch seconds. */
    public record Account(String id, String username, OptionalLong lastSignInAt, long createdAt, Optional<String> exemption) {
    }

    public record Dormant(String id, String username, OptionalLong lastSignInAt, long idleDays) {
    }

    private DormantAccounts() {
    }

    public static List<Dormant> of(Collection<Account> enabledAccounts, long nowSeconds, int days) {
        long cutoff = nowSeconds - days * SECONDS_PER_DAY;
        return enabledAccounts.stream()
                .filter(account -> account.exemption().isEmpty())
                .filter(account -> lastActivity(account) <= cutoff)
                .map(account -> new Dormant(account.id(), account.username(), account.lastSignInAt(),
                        (nowSeconds - lastActivity(account)) / SECONDS_PER_DAY))
                .sorted(Comparator.comparing(Dormant::username))
                .toList();
    }

    private static long lastActivity(Account account) {
        return account.lastSignInAt().orElse(account.createdAt());
    }
}
