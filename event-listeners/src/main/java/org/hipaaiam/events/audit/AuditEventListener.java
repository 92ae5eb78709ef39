package org.hipaaiam.events.audit;

import org.hipaaiam.events.alert.AlertService;
import org.hipaaiam.events.audit.record.Actor;
import org.hipaaiam.events.audit.record.AuditRecords;
import org.hipaaiam.events.audit.record.AuditSink;
import org.hipaaiam.events.audit.record.Origin;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Records every user and admin event of every realm, durably, before the request completes. */
final class AuditEventListener implements EventListenerProvider {

    private final KeycloakSession session;
    private final DurableAuditWriter writer;
    private final AlertService alerts;

    AuditEventListener(KeycloakSession session, AuditSink sink, AlertService alerts) {
        this.session = session;
        this.alerts = alerts;
        this.writer = new DurableAuditWriter(sink, () -> session.getTransactionManager().setRollbackOnly());
    }

    @Override
    public void onEvent(Event event) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        writer.write(event.getTime(), () -> {
            Actor actor = SessionFacts.actor(session, realm, event.getUserId(), event.getSessionId());
            Origin origin = SessionFacts.origin(session, realm, event.getIpAddress(), event.getSessionId());
            return AuditRecords.of(event, realm == null ? null : realm.getName(), actor, origin);
        }, event.getType().name()).ifPresent(record -> alerts.onRecord(session, realm, record));
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        writer.write(event.getTime(), () -> {
            AuthDetails auth = event.getAuthDetails();
            Actor actor = Actor.UNKNOWN;
            String ip = null;
            String appName = null;
            if (auth != null) {
                RealmModel authRealm = session.realms().getRealm(auth.getRealmId());
                actor = SessionFacts.actor(session, authRealm, auth.getUserId(), null);
                ip = auth.getIpAddress();
                ClientModel client = authRealm == null || auth.getClientId() == null ? null : authRealm.getClientById(auth.getClientId());
                appName = client == null ? auth.getClientId() : client.getClientId();
            }
            Origin origin = SessionFacts.origin(session, realm, ip, null);
            return AuditRecords.of(event, includeRepresentation, realm == null ? null : realm.getName(), actor, origin, appName);
        }, event.getOperationType() + " " + event.getResourceType()).ifPresent(record -> alerts.onRecord(session, realm, record));
    }

    @Override
    public void close() {
    }
}
