package org.hipaaiam.lifecycle;

import java.net.URI;
import org.hipaaiam.core.settings.ServerUrl;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hipaaiam.core.account.AccountKind;
import org.hipaaiam.core.account.PrivilegedRoles;
import org.hipaaiam.core.settings.Setting;

/**
 * Every setting of the account lifecycle with its default, in one place: realm attributes (read through
 * {@link org.hipaaiam.core.settings.RealmSettings}: a bad value is reported and the fallback used) and the SPI
 * options of the HR feed (read once at start through {@link org.hipaaiam.core.settings.SpiOptions}).
 */
public final class LifecycleSettings {

    /** Shared HMAC secret of the HR system, or a vault reference such as `${vault.hr-feed-signing-secret}`. */
    public static final Setting<String> HR_FEED_SIGNING_SECRET = Setting.secret("hipaa.hrFeed.signingSecret");
    /** How far a signature's timestamp may be from the server's clock; a bad value uses the strictest window. */
    public static final Setting<Long> HR_FEED_REPLAY_WINDOW_SECONDS = Setting.number("hipaa.hrFeed.replayWindowSeconds", 300, 1, 3600)
            .strictest(30L);
    /** Days without a sign-in after which an enabled account is dormant. */
    public static final Setting<Long> DORMANT_DAYS = Setting.number("hipaa.dormant.days", 90, 1, 3650);
    /** Largest share of matchable accounts one roster may disable without `force=true`. */
    public static final Setting<Double> ROSTER_MAX_DISABLE_FRACTION = Setting.decimal("hipaa.roster.maxDisableFraction", 0.10, 0, 1);
    /** Account kinds that roster reconciliation and dormant clean-up never disable: they sign in rarely and must work when needed. */
    public static final Setting<Set<AccountKind>> EXEMPT_ACCOUNT_KINDS = Setting.parsed("hipaa.lifecycle.exemptAccountKinds",
            Set.copyOf(EnumSet.of(AccountKind.SERVICE, AccountKind.EMERGENCY, AccountKind.DISASTER_RECOVERY)), LifecycleSettings::accountKinds);
    /** Further username prefixes exempt from those clean-ups. */
    public static final Setting<List<String>> EXEMPT_USERNAME_PREFIXES = Setting.list("hipaa.lifecycle.exemptUsernamePrefixes", "");
    /** Holders of these realm roles are exempt from those clean-ups. */
    public static final Setting<List<String>> EXEMPT_ROLES = Setting.list("hipaa.lifecycle.exemptRoles", "");
    /** Roles only `adm-` accounts may hold: realm roles, and roles of the realm-management client, by name. */
    public static final Setting<List<String>> PRIVILEGED_ROLES = PrivilegedRoles.SETTING;

    /** SPI option of `realm-restapi-extension` `hr-feed`: how often due separations and leaves are applied. */
    public static final Setting<Long> DUE_CHECK_INTERVAL_SECONDS = Setting.number("due-check-interval-seconds", 60, 1, 86_400);
    /** SPI option: how often disabled accounts that still have sessions are swept. */
    public static final Setting<Long> DISABLED_SWEEP_INTERVAL_SECONDS = Setting.number("disabled-sweep-interval-seconds", 30, 1, 86_400);
    /** SPI option: the server's public base URL, which scheduled work names as the issuer when it tells apps of a logout. */
    public static final Setting<URI> SERVER_URL = ServerUrl.OPTION;

    private LifecycleSettings() {
    }

    static Set<AccountKind> accountKinds(String commaSeparated) {
        return Set.copyOf(Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(value -> !value.isEmpty())
                .map(value -> Arrays.stream(AccountKind.values()).filter(kind -> kind.value().equals(value)).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("names an unknown account kind; kinds are "
                                + Arrays.stream(AccountKind.values()).map(AccountKind::value).toList())))
                .toList());
    }
}
