package org.hipaaiam.it.emergency;

import java.util.Map;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.WebhookReceiver;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** The Privacy Office's real webhook receiver, wired into the realm's alert settings. */
final class PrivacyOffice implements AutoCloseable {

    static final int PORT = 8084;

    private final WebhookReceiver receiver;

    private PrivacyOffice(WebhookReceiver receiver) {
        this.receiver = receiver;
    }

    static PrivacyOffice listen(ManagedRealm realm) throws Exception {
        setRealmAttribute(realm, AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + PORT + "/alerts");
        setRealmAttribute(realm, AlertSettings.WEBHOOK_SECRET.key(), "demo-webhook-secret");
        return new PrivacyOffice(WebhookReceiver.listen(PORT));
    }

    /** The next break-glass alert for the given `hipaa_event`; other alerts may arrive in between. */
    Map<?, ?> nextAlertNamed(String hipaaEvent) throws Exception {
        while (true) {
            Map<?, ?> alert = BreakGlassApi.JSON.readValue(receiver.next(30).body(), Map.class);
            if ("break-glass".equals(alert.get("rule")) && String.valueOf(alert.get("title")).contains(hipaaEvent)) {
                return alert;
            }
        }
    }

    static String usernameOf(Map<?, ?> alert) {
        return (String) ((Map<?, ?>) alert.get("user")).get("username");
    }

    static void setRealmAttribute(ManagedRealm realm, String key, String value) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put(key, value);
        realm.admin().update(rep);
    }

    @Override
    public void close() {
        receiver.close();
    }
}
