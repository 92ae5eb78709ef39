package org.hipaaiam.core.settings;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A value derived from all of a realm's attributes (such as the workstation registry), kept per realm until the
 * attributes change. Keycloak's realm cache hands out one unmodified attribute map per cached realm and builds a
 * new one whenever the realm changes on any node, so the map's identity tells whether the value is still good;
 * no invalidation of our own is needed. Within a transaction that changed the realm, or without the realm cache,
 * each call gets a fresh map and the value is derived again.
 *
 * @param <T> the derived value; it must be immutable, as it is shared between requests
 */
public final class DerivedFromAttributes<T> {

    private record Derived<T>(Map<String, String> source, T value) {
    }

    private final BiFunction<KeycloakSession, RealmModel, T> derive;
    private final Map<String, Derived<T>> byRealm = new ConcurrentHashMap<>();

    public DerivedFromAttributes(BiFunction<KeycloakSession, RealmModel, T> derive) {
        this.derive = derive;
    }

    public T of(KeycloakSession session, RealmModel realm) {
        Map<String, String> attributes = realm.getAttributes();
        Derived<T> known = byRealm.get(realm.getId());
        if (known != null && known.source() == attributes) {
            return known.value();
        }
        T value = derive.apply(session, realm);
        byRealm.put(realm.getId(), new Derived<>(attributes, value));
        return value;
    }
}
