package org.hipaaiam.core.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.keycloak.models.RealmModel;

class DerivedFromAttributesTest {

    private final AtomicInteger derivations = new AtomicInteger();
    private final DerivedFromAttributes<Integer> size = new DerivedFromAttributes<>((session, realm) -> {
        derivations.incrementAndGet();
        return realm.getAttributes().size();
    });

    /** A realm whose attribute map is, as in Keycloak's realm cache, one instance until the realm changes. */
    private static RealmModel realm(String id, AtomicReference<Map<String, String>> attributes) {
        return (RealmModel) Proxy.newProxyInstance(RealmModel.class.getClassLoader(), new Class<?>[] {RealmModel.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getAttributes" -> attributes.get();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theSameAttributeMapGivesTheValueDerivedBefore() {
        AtomicReference<Map<String, String>> attributes = new AtomicReference<>(Map.of("a", "1"));
        RealmModel realm = realm("r1", attributes);

        assertEquals(1, size.of(null, realm));
        assertEquals(1, size.of(null, realm));
        assertEquals(1, derivations.get());
    }

    @Test
    void aNewAttributeMapIsDerivedAgainEvenWithEqualContent() {
        AtomicReference<Map<String, String>> attributes = new AtomicReference<>(Map.of("a", "1"));
        RealmModel realm = realm("r1", attributes);
        size.of(null, realm);

        attributes.set(new HashMap<>(Map.of("a", "1", "b", "2")));
        assertEquals(2, size.of(null, realm), "a changed realm is read afresh at once");
        attributes.set(new HashMap<>(attributes.get()));
        size.of(null, realm);
        assertEquals(3, derivations.get(), "identity, not content, decides: nothing is compared entry by entry");
    }

    @Test
    void realmsKeepTheirOwnValues() {
        RealmModel one = realm("r1", new AtomicReference<>(Map.of("a", "1")));
        RealmModel two = realm("r2", new AtomicReference<>(Map.of("a", "1", "b", "2")));

        assertEquals(1, size.of(null, one));
        assertEquals(2, size.of(null, two));
        assertEquals(1, size.of(null, one));
        assertEquals(2, derivations.get());
    }
}
