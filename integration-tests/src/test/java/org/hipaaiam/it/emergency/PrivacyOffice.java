package org.hipaaiam.it.emergency;

import java.util.Map;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.Alerts;
import org.hipaaiam.testfixtures.WebhookReceiver;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;

/** The Privacy Office's real webhook receiver, wired into the realm's alert settings. */
final class PrivacyOffice implements AutoCloseable {

    static final int PORT = 8084;

    private final WebhookReceiver receiver;
    private final ManagedRealm realm;

    private PrivacyOffice(WebhookReceiver receiver, ManagedRealm realm) {
        this.receiver = receiver;
        this.realm = realm;
    }

    static PrivacyOffice listen(ManagedRealm realm) throws Exception {
        setRealmAttribute(realm, AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + PORT + "/alerts");
        setRealmAttribute(realm, AlertSettings.WEBHOOK_SECRET.key(), "demo-webhook-secret");
        return new PrivacyOffice(WebhookReceiver.listen(PORT), realm);
    }

    /** The next break-glass alert of this test for the given `hipaa_event`; other alerts may arrive in between. */
    Map<?, ?> nextAlertNamed(String hipaaEvent) throws Exception {
        while (true) {
            Map<?, ?> alert = Alerts.parse(receiver.next(30).body());
            if ("break-glass".equals(alert.get("rule")) && String.valueOf(alert.get("title")).contains(hipaaEvent)
                    && Alerts.isAboutThisImport(realm, alert)) {
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
