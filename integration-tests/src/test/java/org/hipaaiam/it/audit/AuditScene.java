package org.hipaaiam.it.audit;

import java.io.IOException;
import java.util.Map;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.Alerts;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.testfixtures.WebhookReceiver;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What the audit and alert tests start with: a browser at the realm's sign-in, the demo app receiving its
 * callbacks, and the security operations centre (SOC) reading the ledger and receiving alerts by webhook or
 * e-mail. Alert settings it changes are restored after each test.
 */
public final class AuditScene extends Scene {

    public static final int SOC_PORT = 8083;
    public static final String SOC_SECRET = "demo-webhook-secret";

    public final OidcDemoApp app;
    private WebhookReceiver soc;

    AuditScene(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws IOException {
        super(realm, browser, clock);
        this.app = stopAfterTest(OidcDemoApp.listen(realm.getBaseUrl()));
    }

    /** The demo app's sign-in in a browser without an SSO session. */
    public SignInPage openSignIn() {
        return SignInPage.openFresh(browser, realm.getBaseUrl());
    }

    /** Alerts go to the SOC's webhook for this test; it accepts every delivery. */
    public WebhookReceiver socWebhook() throws IOException {
        return wireSoc(WebhookReceiver.listen(SOC_PORT));
    }

    /** Alerts go to an unreliable SOC webhook for this test: it refuses each delivery's first attempt. */
    public WebhookReceiver socWebhookRefusingFirstAttempts() throws IOException {
        return wireSoc(WebhookReceiver.refusingFirstAttempts(SOC_PORT));
    }

    private WebhookReceiver wireSoc(WebhookReceiver receiver) {
        soc = stopAfterTest(receiver);
        setRealmAttribute(AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + SOC_PORT + "/alerts");
        setRealmAttribute(AlertSettings.WEBHOOK_SECRET.key(), SOC_SECRET);
        return receiver;
    }

    /** Alerts go by e-mail, through the realm's own SMTP settings, to this address for this test. */
    public void alertsByEmailTo(String address) {
        setRealmAttribute(AlertSettings.EMAIL_TO.key(), address);
    }

    /** The next delivery to the SOC of this test; alerts left over from earlier tests are passed over. */
    public WebhookReceiver.Delivery nextAlert(long timeoutSeconds) throws Exception {
        while (true) {
            WebhookReceiver.Delivery delivery = soc.next(timeoutSeconds);
            if (Alerts.isAboutThisImport(realm, alertOf(delivery))) {
                return delivery;
            }
        }
    }

    /** The next delivery of one rule's alerts; other alerts of the same realm may arrive in between. */
    public WebhookReceiver.Delivery nextAlertOfRule(String rule, long timeoutSeconds) throws Exception {
        while (true) {
            WebhookReceiver.Delivery delivery = nextAlert(timeoutSeconds);
            if (rule.equals(alertOf(delivery).get("rule"))) {
                return delivery;
            }
        }
    }

    public static Map<?, ?> alertOf(WebhookReceiver.Delivery delivery) throws IOException {
        return Alerts.parse(delivery.body());
    }
}
