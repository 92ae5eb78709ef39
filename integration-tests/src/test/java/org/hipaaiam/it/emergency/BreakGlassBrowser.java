package org.hipaaiam.it.emergency;

import java.util.LinkedHashMap;
import java.util.Map;
import org.hipaaiam.it.support.BadgeTapPage;
import org.hipaaiam.it.support.BreakGlassPage;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.JustificationPage;
import org.hipaaiam.it.support.NewPasswordPage;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** A clinician's browser in front of the demo clinical app: its requests, the sign-in, and the break-glass pages. */
final class BreakGlassBrowser {

    static final String ELEVATE = "hipaa-break-glass";
    static final String JUSTIFY = "hipaa-break-glass-justify";

    private final ManagedWebDriver browser;
    private final OidcDemoApp app;
    private Pkce pkce;

    BreakGlassBrowser(ManagedWebDriver browser, OidcDemoApp app) {
        this.browser = browser;
        this.app = app;
    }

    void forgetSessions() {
        SignInPage.forgetSessions(browser, app.realmUrl());
    }

    /** Opens the app's authorization request; `kcAction` and `context` may be null. */
    void request(String kcAction, String context) {
        pkce = Pkce.create();
        Map<String, String> params = new LinkedHashMap<>();
        if (kcAction != null) {
            params.put("kc_action", kcAction);
        }
        if (context != null) {
            params.put("hipaa_context", context);
        }
        browser.open(app.authorizationUrl(pkce, params));
    }

    String verifier() {
        return pkce.verifier();
    }

    /** The realm's sign-in, or during a declared emergency its badge tap page (these accounts have no badge). */
    boolean asksToSignIn() {
        return signInPage().isShown() || new BadgeTapPage(browser.driver()).isShown();
    }

    /** The realm's full browser sign-in (password, then an unused one-time code). */
    void signIn(String username) throws InterruptedException {
        signInPage().signIn(username);
    }

    SignInPage signInPage() {
        return new SignInPage(browser.driver());
    }

    BreakGlassPage breakGlassForm() {
        return new BreakGlassPage(browser.driver());
    }

    JustificationPage justificationPage() {
        return new JustificationPage(browser.driver());
    }

    NewPasswordPage newPasswordPage() {
        return new NewPasswordPage(browser.driver());
    }

    /** Signs in through the app's break-glass request and breaks the glass; returns the app's callback. */
    CallbackReceiver.Received elevate(String username, String reason) throws Exception {
        request(ELEVATE, "Patient/MRN-000123");
        if (asksToSignIn()) {
            signIn(username);
        }
        if (!breakGlassForm().isShown()) {
            throw new AssertionError("Expected the break-glass form, got: " + pageSource());
        }
        breakGlassForm().breakTheGlass("ETREAT", reason);
        return app.next();
    }

    String pageSource() {
        return browser.driver().getPageSource();
    }
}
