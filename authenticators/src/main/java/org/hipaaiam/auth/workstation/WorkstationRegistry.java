package org.hipaaiam.auth.workstation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * The realm's registered workstations, one realm attribute each ({@value #PREFIX}`<id>` = JSON). Realm attributes
 * are durable in the realm's own table, cached and invalidated across cluster nodes with the realm, and exported
 * and imported with it, so a hospital's workstation list travels with its realm export without a schema of our
 * own. Sized for the thousands of workstations of a hospital, not for millions.
 */
public final class WorkstationRegistry {

    public static final String PREFIX = "hipaa.workstations.";

    private final RealmModel realm;

    public WorkstationRegistry(RealmModel realm) {
        this.realm = realm;
    }

    public List<Workstation> all() {
        List<Workstation> found = new ArrayList<>();
        for (Map.Entry<String, String> attribute : realm.getAttributes().entrySet()) {
            if (attribute.getKey().startsWith(PREFIX)) {
                parse(attribute.getKey().substring(PREFIX.length()), attribute.getValue()).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Workstation::id));
        return found;
    }

    public Optional<Workstation> find(String id) {
        return id == null ? Optional.empty() : parse(id, realm.getAttribute(PREFIX + id));
    }

    public void save(Workstation workstation) {
        try {
            realm.setAttribute(PREFIX + workstation.id(), JsonSerialization.writeValueAsString(workstation.toMap()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean remove(String id) {
        if (realm.getAttribute(PREFIX + id) == null) {
            return false;
        }
        realm.removeAttribute(PREFIX + id);
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Optional<Workstation> parse(String id, String json) {
        if (json == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Workstation.of(id, JsonSerialization.readValue(json, Map.class)));
        } catch (IOException | IllegalArgumentException e) {
            // an entry edited by hand into something invalid is ignored rather than breaking every sign-in
            return Optional.empty();
        }
    }
}
