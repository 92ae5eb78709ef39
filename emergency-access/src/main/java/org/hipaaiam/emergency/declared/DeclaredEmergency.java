package org.hipaaiam.emergency.declared;

import java.util.Optional;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.keycloak.models.RealmModel;

/**
 * A realm-wide declared emergency, kept in the realm attributes of {@link DeclaredEmergencyAttributes} that the
 * badge sign-in also reads. It is active while `until` (epoch seconds on Keycloak's clock) is in the future.
 */
public record DeclaredEmergency(long until, String reason, String by) {

    /** The emergency in force at `nowSeconds`, if any. */
    public static Optional<DeclaredEmergency> activeIn(RealmModel realm, long nowSeconds) {
        String until = realm.getAttribute(DeclaredEmergencyAttributes.UNTIL);
        if (!DeclaredEmergencyAttributes.activeAt(until, nowSeconds)) {
            return Optional.empty();
        }
        return Optional.of(new DeclaredEmergency(Long.parseLong(until.trim()), realm.getAttribute(DeclaredEmergencyAttributes.REASON),
                realm.getAttribute(DeclaredEmergencyAttributes.BY)));
    }

    public static boolean isDeclaredIn(RealmModel realm, long nowSeconds) {
        return DeclaredEmergencyAttributes.activeAt(realm.getAttribute(DeclaredEmergencyAttributes.UNTIL), nowSeconds);
    }

    public void writeTo(RealmModel realm) {
        realm.setAttribute(DeclaredEmergencyAttributes.UNTIL, Long.toString(until));
        realm.setAttribute(DeclaredEmergencyAttributes.REASON, reason);
        realm.setAttribute(DeclaredEmergencyAttributes.BY, by);
    }

    public static void clear(RealmModel realm) {
        realm.removeAttribute(DeclaredEmergencyAttributes.UNTIL);
        realm.removeAttribute(DeclaredEmergencyAttributes.REASON);
        realm.removeAttribute(DeclaredEmergencyAttributes.BY);
    }
}
