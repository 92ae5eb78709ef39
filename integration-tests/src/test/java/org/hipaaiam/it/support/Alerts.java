package org.hipaaiam.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.util.Map;
import org.keycloak.testframework.realm.ManagedRealm;

/** Alerts as a receiver reads them, and whether one belongs to the test that is running. */
public final class Alerts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Alerts() {
    }

    public static Map<?, ?> parse(byte[] body) throws IOException {
        return JSON.readValue(body, Map.class);
    }

    /**
     * Deliveries an earlier test left in the server's outbox are retried to whatever listens on the port now, and
     * every import of the realm has the same id; such an alert names an account of an earlier import, which this
     * import does not have (account ids are never reused). Alerts without an account are kept.
     */
    public static boolean isAboutThisImport(ManagedRealm realm, Map<?, ?> alert) {
        Object user = alert.get("user");
        Object userId = user instanceof Map<?, ?> account ? account.get("id") : null;
        if (userId == null) {
            return true;
        }
        try {
            realm.admin().users().get(userId.toString()).toRepresentation();
            return true;
        } catch (NotFoundException accountOfAnotherImport) {
            return false;
        }
    }
}
