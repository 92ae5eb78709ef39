package org.hipaaiam.it.emergency;

import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.HtmlUnitWebDriverSupplier;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What each break-glass test starts with: the demo clinical app receiving callbacks, a clinician's browser in
 * front of it with no session, the Privacy Office's alert receiver, and a browser at the office where staff sign
 * in to the bundle's admin tools for the break-glass API.
 */
final class BreakGlassScene extends Scene {

    final OidcDemoApp app;
    final BreakGlassBrowser clinician;
    final PrivacyOffice privacyOffice;
    private final OidcDemoApp adminTools;
    private final ManagedWebDriver officeBrowser;

    BreakGlassScene(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws Exception {
        super(realm, browser, clock);
        this.app = stopAfterTest(OidcDemoApp.listen(realm.getBaseUrl()));
        this.privacyOffice = stopAfterTest(PrivacyOffice.listen(realm));
        this.adminTools = stopAfterTest(OidcDemoApp.adminTools(realm.getBaseUrl()));
        this.officeBrowser = new ManagedWebDriver(new HtmlUnitWebDriverSupplier().getWebDriver());
        afterTest(() -> officeBrowser.driver().quit());
        this.clinician = new BreakGlassBrowser(browser, app);
        clinician.forgetSessions();
    }

    /** The break-glass API called by a member of staff who signed in to the admin tools at the office (full browser sign-in). */
    BreakGlassApi apiAs(String username) throws Exception {
        return BreakGlassApi.as(realm.getBaseUrl(), Tokens.signIn(officeBrowser, adminTools, username).accessToken());
    }

    /** The tokens the app gets for a callback of the clinician's last request. */
    Tokens redeem(CallbackReceiver.Received callback) throws Exception {
        return Tokens.of(app.redeem(callback.params().get("code"), clinician.verifier()));
    }
}
