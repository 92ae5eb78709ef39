package org.hipaaiam.emergency;

import java.util.Map;
import org.keycloak.common.ClientConnection;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Emits this module's Keycloak events. The audit listener records each one durably in the same transaction
 * (success events) or at once (errors); `break-glass-*` values alert the Privacy Office.
 */
public final class Audit {

    /** The connection events of timer tasks come from: the server itself. */
    public static final ClientConnection SERVER = new ClientConnection() {
        @Override
        public String getRemoteAddr() {
            return "127.0.0.1";
        }
    };

    private Audit() {
    }

    public static EventBuilder event(KeycloakSession session, RealmModel realm, EventType type, String hipaaEvent) {
        ClientConnection connection = session.getContext().getConnection();
        return new EventBuilder(realm, session, connection == null ? SERVER : connection)
                .event(type)
                .detail(HipaaEvents.DETAIL, hipaaEvent);
    }

    public static EventBuilder details(EventBuilder event, Map<String, String> details) {
        details.forEach((key, value) -> {
            if (value != null) {
                event.detail(key, value);
            }
        });
        return event;
    }
}
