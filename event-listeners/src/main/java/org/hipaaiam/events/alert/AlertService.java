package org.hipaaiam.events.alert;

import java.util.Map;
import java.util.UUID;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.events.audit.record.AuditRecords;
import org.hipaaiam.events.audit.record.AuditSink;
import org.hipaaiam.events.audit.record.CanonicalJson;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Evaluates the rules on each durable audit record. Each alert is first recorded in the ledger itself, then
 * queued durably for the realm's channels; delivery happens in the background and never blocks sign-in.
 */
public final class AlertService implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final AlertEngine engine = new AlertEngine();
    private final AlertOutbox outbox;
    private final AlertDispatcher dispatcher;
    private final AuditSink ledger;

    public AlertService(AlertOutbox outbox, AlertDispatcher dispatcher, AuditSink ledger) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.ledger = ledger;
    }

    public void onRecord(KeycloakSession session, RealmModel realm, Map<String, Object> record) {
        if (realm == null) {
            return;
        }
        try {
            AlertSettings settings = AlertSettings.of(RealmSettings.of(session, realm));
            for (Alert alert : engine.evaluate(AuditFacts.of(record), settings, new UserAttributeKnownAddresses(session, realm),
                    new SingleUseObjectClaims(session.singleUseObjects()))) {
                raise(realm, settings, alert);
            }
        } catch (RuntimeException e) {
            // An alerting fault must never turn a sign-in into a failure; it is logged loudly instead.
            LOG.error("Alert rules could not be evaluated for an audit record", e);
        }
    }

    private void raise(RealmModel realm, AlertSettings settings, Alert alert) {
        ledger.append(alert.time(), CanonicalJson.toBytes(AuditRecords.finding(alert.id(), alert.rule(), alert.severity(),
                alert.title(), alert.description(), alert.time(), realm.getName(), alert.userId(), alert.username())));
        byte[] json = CanonicalJson.toBytes(alert.toMap());
        if (settings.webhookUrl() != null) {
            outbox.put(new Delivery(UUID.randomUUID().toString(), Delivery.Channel.WEBHOOK, realm.getId(), json, 0, 0));
        }
        if (settings.emailTo() != null) {
            outbox.put(new Delivery(UUID.randomUUID().toString(), Delivery.Channel.EMAIL, realm.getId(), json, 0, 0));
        }
        if (!settings.hasChannel()) {
            LOG.warnf("Alert %s (%s) in realm %s has no channel configured; it is only in the audit ledger",
                    alert.rule(), alert.title(), realm.getName());
        }
        dispatcher.nudge();
    }

    @Override
    public void close() {
        dispatcher.close();
    }
}
