package org.hipaaiam.auth.workstation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hipaaiam.core.settings.DerivedFromAttributes;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.keycloak.models.KeycloakSession;
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

    private final KeycloakSession session;
    private final RealmModel realm;
    private final RealmSettings settings;

    public WorkstationRegistry(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.settings = RealmSettings.of(session, realm);
    }

    /**
     * One workstation's entry. An entry edited by hand into something invalid counts as not registered (no badge
     * sign-in from there) and is reported once, rather than breaking every sign-in.
     */
    public static Setting<Optional<Workstation>> entry(String id) {
        return Setting.parsed(PREFIX + id, Optional.<Workstation>empty(), json -> Optional.of(stored(id, json)))
                .strictest(Optional.empty());
    }

    /** Every sign-in looks the registry up; it is read anew only when the realm's attributes change. */
    private static final DerivedFromAttributes<List<Workstation>> REGISTERED = new DerivedFromAttributes<>(
            (session, realm) -> new WorkstationRegistry(session, realm).read());

    /** The registered workstations by id (an immutable list). */
    public List<Workstation> all() {
        return REGISTERED.of(session, realm);
    }

    private List<Workstation> read() {
        List<Workstation> found = new ArrayList<>();
        for (String key : realm.getAttributes().keySet()) {
            if (key.startsWith(PREFIX)) {
                settings.get(entry(key.substring(PREFIX.length()))).ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Workstation::id));
        return List.copyOf(found);
    }

    public Optional<Workstation> find(String id) {
        return id == null ? Optional.empty() : settings.get(entry(id));
    }

    public void save(Workstation workstation) {
        try {
            realm.setAttribute(PREFIX + workstation.id(), JsonSerialization.writeValueAsString(workstation.view()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the entry, also one that no longer reads as a workstation. False when there was none. */
    public boolean remove(String id) {
        if (realm.getAttribute(PREFIX + id) == null) {
            return false;
        }
        realm.removeAttribute(PREFIX + id);
        return true;
    }

    /** The stored JSON of the workstation `id` (the attribute's name, not the JSON, says which workstation it is). */
    static Workstation stored(String id, String json) {
        WorkstationView view;
        try {
            view = JsonSerialization.readValue(json, WorkstationView.class);
        } catch (IOException notJson) {
            throw new InvalidWorkstation("is not a workstation's JSON");
        }
        return Workstation.of(new WorkstationView(id, view.workstationClass(), view.location(), view.network(), view.publicKey()));
    }
}
