package org.hipaaiam.core.api;

import java.util.Map;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Keycloak events the bundle emits. The audit listener records each one durably: success events in the same
 * transaction as the change, errors at once in their own.
 */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** An event of `type` marked with the bundle's own `hipaa_event` value; off a request it comes from the server. */
    public static EventBuilder event(KeycloakSession session, RealmModel realm, EventType type, String hipaaEvent) {
        return new EventBuilder(realm, session, ServerSideRequest.connectionOf(session.getContext()))
                .event(type)
                .detail(AuditDetails.HIPAA_EVENT, hipaaEvent);
    }

    /**
     * A refused request, before its caller is named and `error(refusal.code())` sends it: the `api-refused` event
     * with the API (or Keycloak API) that refused, the path below it, the reason and the refusal's own details.
     */
    public static EventBuilder refused(KeycloakSession session, RealmModel realm, String api, String path, Refusal refusal) {
        EventBuilder event = event(session, realm, refusal.auditType(), HipaaEvents.API_REFUSED)
                .detail(AuditDetails.API, api)
                .detail(AuditDetails.PATH, path)
                .detail(AuditDetails.REASON, refusal.reason());
        return details(event, refusal.details());
    }

    /** Adds the details that have a value. */
    public static EventBuilder details(EventBuilder event, Map<String, String> details) {
        details.forEach((key, value) -> {
            if (value != null) {
                event.detail(key, value);
            }
        });
        return event;
    }
}
