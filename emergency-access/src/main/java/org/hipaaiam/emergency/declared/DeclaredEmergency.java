package org.hipaaiam.emergency.declared;

import java.util.Optional;
import org.keycloak.models.RealmModel;

/**
 * A realm-wide declared emergency, kept in realm attributes that the badge sign-in also reads. It is active
 * while `until` (epoch seconds on Keycloak's clock) is in the future.
 */
public record DeclaredEmergency(long until, String reason, String by) {

    public static final String UNTIL = "hipaa.emergency.declared.until";
    public static final String REASON = "hipaa.emergency.declared.reason";
    public static final String BY = "hipaa.emergency.declared.by";

    public static Optional<DeclaredEmergency> of(RealmModel realm) {
        String until = realm.getAttribute(UNTIL);
        if (until == null || until.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new DeclaredEmergency(Long.parseLong(until.trim()), realm.getAttribute(REASON), realm.getAttribute(BY)));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    public static boolean activeIn(RealmModel realm, long nowSeconds) {
        return of(realm).map(emergency -> emergency.isActiveAt(nowSeconds)).orElse(false);
    }

    public boolean isActiveAt(long nowSeconds) {
        return nowSeconds < until;
    }

    public void writeTo(RealmModel realm) {
        realm.setAttribute(UNTIL, Long.toString(until));
        realm.setAttribute(REASON, reason);
        realm.setAttribute(BY, by);
    }

    public static void clear(RealmModel realm) {
        realm.removeAttribute(UNTIL);
        realm.removeAttribute(REASON);
        realm.removeAttribute(BY);
    }
}
