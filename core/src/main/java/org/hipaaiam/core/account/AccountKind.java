package org.hipaaiam.core.account;

import java.util.Locale;
import java.util.Optional;
import org.keycloak.models.UserModel;

/**
 * What an account is for, one classifier for the whole bundle (roster, dormant clean-up, break-glass, badge
 * sign-in, the privileged-role guard). Read from the username convention of the reference hospital
 * (`adm-jsmith4821`, `svc-epic-hl7`), Keycloak's own service-account users, and the user attribute
 * `accountType` (`service`, `emergency`, `disaster-recovery`), which wins where set.
 */
public enum AccountKind {

    /** A person's everyday account (`jsmith4821`). */
    WORKFORCE("workforce"),
    /** A person's separate administrative account (`adm-jsmith4821`), the only kind that may hold privileged roles. */
    PRIVILEGED("privileged"),
    /** An application's account (`svc-epic-hl7`, Keycloak's `service-account-*`, or `accountType=service`). */
    SERVICE("service"),
    /** An account kept for emergencies (`accountType=emergency`). */
    EMERGENCY("emergency"),
    /** An elevated account for disaster recovery (`accountType=disaster-recovery`). */
    DISASTER_RECOVERY("disaster-recovery");

    /** The user attribute that declares an account's kind where the username cannot. */
    public static final String ATTRIBUTE = "accountType";
    public static final String PRIVILEGED_PREFIX = "adm-";
    public static final String SERVICE_PREFIX = "svc-";
    /** Users Keycloak creates for clients with a service account. */
    public static final String KEYCLOAK_SERVICE_ACCOUNT_PREFIX = "service-account-";

    private final String value;

    AccountKind(String value) {
        this.value = value;
    }

    /** The value of the `accountType` attribute for this kind. */
    public String value() {
        return value;
    }

    public static AccountKind of(UserModel user) {
        return of(user.getUsername(), user.getFirstAttribute(ATTRIBUTE), user.getServiceAccountClientLink() != null);
    }

    public static AccountKind of(String username, String accountType, boolean keycloakServiceAccount) {
        Optional<AccountKind> declared = fromValue(accountType);
        if (declared.isPresent()) {
            return declared.get();
        }
        String name = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        if (keycloakServiceAccount || name.startsWith(SERVICE_PREFIX) || name.startsWith(KEYCLOAK_SERVICE_ACCOUNT_PREFIX)) {
            return SERVICE;
        }
        return name.startsWith(PRIVILEGED_PREFIX) ? PRIVILEGED : WORKFORCE;
    }

    /** The kind an `accountType` value names; `workforce` and `privileged` come from the username only. */
    public static Optional<AccountKind> fromValue(String accountType) {
        if (accountType == null) {
            return Optional.empty();
        }
        String value = accountType.trim();
        for (AccountKind kind : new AccountKind[] {SERVICE, EMERGENCY, DISASTER_RECOVERY}) {
            if (kind.value.equals(value)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A person signs in with it in daily work (workforce or privileged), as opposed to an app or a reserve. */
    public boolean isPerson() {
        return this == WORKFORCE || this == PRIVILEGED;
    }

    /** Kept for emergencies: every sign-in alerts and rotates its password; clean-ups never disable it. */
    public boolean isEmergencyReserve() {
        return this == EMERGENCY || this == DISASTER_RECOVERY;
    }
}
