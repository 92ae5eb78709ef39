package org.hipaaiam.lifecycle.dormant;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.hipaaiam.lifecycle.roster.ExemptionRule;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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

    /** The realm's dormant accounts now, by the realm's number of days and exemption rule. */
    public static List<Dormant> inRealm(KeycloakSession session, RealmModel realm, RealmSettings settings) {
        ExemptionRule rule = ExemptionRule.of(settings);
        List<Account> enabled = session.users().searchForUserStream(realm, Map.of(UserModel.ENABLED, "true"))
                .filter(UserModel::isEnabled)
                .map(user -> new Account(user.getId(), user.getUsername(), LastSignIn.of(user),
                        user.getCreatedTimestamp() == null ? 0 : user.getCreatedTimestamp() / 1000, rule.exemption(realm, user)))
                .toList();
        return of(enabled, Time.currentTime(), settings.get(LifecycleSettings.DORMANT_DAYS));
    }

    public static List<Dormant> of(Collection<Account> enabledAccounts, long nowSeconds, long days) {
        long cutoff = nowSeconds - days * SECONDS_PER_DAY;
        return enabledAccounts.stream()
                .filter(account -> account.exemption().isEmpty())
                .filter(account -> latestPossibleActivity(account) <= cutoff)
                .map(account -> new Dormant(account.id(), account.username(), account.lastSignInAt(),
                        (nowSeconds - lastActivity(account)) / SECONDS_PER_DAY))
                .sorted(Comparator.comparing(Dormant::username))
                .toList();
    }

    /** A sign-in stamp may be up to a day older than the last sign-in ({@link LastSignIn}): never disable early. */
    private static long latestPossibleActivity(Account account) {
        return account.lastSignInAt().isPresent() ? account.lastSignInAt().getAsLong() + LastSignIn.RESOLUTION_SECONDS : account.createdAt();
    }

    private static long lastActivity(Account account) {
        return account.lastSignInAt().orElse(account.createdAt());
    }
}
