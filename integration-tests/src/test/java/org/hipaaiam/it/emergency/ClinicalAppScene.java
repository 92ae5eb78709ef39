package org.hipaaiam.it.emergency;

import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** What each break-glass test starts with: the demo app's callback, the Privacy Office's receiver, a fresh browser. */
public final class ClinicalAppScene implements AutoCloseable {

    public final CallbackReceiver app;
    final PrivacyOffice privacyOffice;
    public final BreakGlassBrowser browser;

    private ClinicalAppScene(CallbackReceiver app, PrivacyOffice privacyOffice, BreakGlassBrowser browser) {
        this.app = app;
        this.privacyOffice = privacyOffice;
        this.browser = browser;
    }

    public static ClinicalAppScene open(ManagedRealm realm, ManagedWebDriver driver) throws Exception {
        CallbackReceiver app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback");
        BreakGlassBrowser browser = new BreakGlassBrowser(driver, realm.getBaseUrl());
        browser.forgetSessions();
        return new ClinicalAppScene(app, PrivacyOffice.listen(realm), browser);
    }

    @Override
    public void close() {
        app.close();
        privacyOffice.close();
    }
}
