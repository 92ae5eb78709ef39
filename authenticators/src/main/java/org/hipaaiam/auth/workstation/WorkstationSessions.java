package org.hipaaiam.auth.workstation;

import java.util.Map;
import java.util.Optional;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * Which user session is current on each registered workstation, kept in Keycloak's cluster-wide single-use object
 * store (entries expire with the realm's SSO max lifespan), so a tap on any node finds the session to end.
 */
public final class WorkstationSessions {

    private static final String KEY_PREFIX = "hipaa.workstation.current:";
    private static final String USER = "userId";
    private static final String SESSION = "sessionId";

    /** The session last started on a workstation. */
    public record Current(String userId, String sessionId) {
    }

    private final SingleUseObjectProvider store;
    private final RealmModel realm;

    public WorkstationSessions(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realm = realm;
    }

    public Optional<Current> current(String workstationId) {
        Map<String, String> notes = store.get(key(workstationId));
        if (notes == null || notes.get(USER) == null || notes.get(SESSION) == null) {
            return Optional.empty();
        }
        return Optional.of(new Current(notes.get(USER), notes.get(SESSION)));
    }

    public void record(String workstationId, String userId, String sessionId) {
        store.remove(key(workstationId));
        store.put(key(workstationId), Math.max(60, realm.getSsoSessionMaxLifespan()), Map.of(USER, userId, SESSION, sessionId));
    }

    private String key(String workstationId) {
        return KEY_PREFIX + realm.getId() + ":" + workstationId;
    }
}
