package org.hipaaiam.it.emergency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A clinician's browser in front of the demo clinical app: sign-in, the break-glass form, the justification page. */
public final class BreakGlassBrowser {

    public static final String ELEVATE = "hipaa-break-glass";
    static final String JUSTIFY = "hipaa-break-glass-justify";

    private final ManagedWebDriver browser;
    private final String realmUrl;
    private Pkce pkce;

    BreakGlassBrowser(ManagedWebDriver browser, String realmUrl) {
        this.browser = browser;
        this.realmUrl = realmUrl;
    }

    public void forgetSessions() {
        browser.open(realmUrl + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
    }

    /** Opens the app's authorization request; `kcAction` and `context` may be null. */
    public void request(String kcAction, String context) {
        pkce = Pkce.create();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        if (kcAction != null) {
            params.put("kc_action", kcAction);
        }
        if (context != null) {
            params.put("hipaa_context", context);
        }
        browser.open(new OidcDemoApp(realmUrl).authorizationUrl(params));
    }

    String verifier() {
        return pkce.verifier();
    }

    boolean asksToSignIn() {
        return new SignInPage(browser.driver()).isShown() || offersBadgeTap();
    }

    /** During a declared emergency the realm offers badge + PIN everywhere; these accounts have no badge. */
    private boolean offersBadgeTap() {
        return !browser.driver().findElements(By.id("hipaa-use-password")).isEmpty();
    }

    /** The realm's full browser sign-in (password, then an unused TOTP code). */
    public void signIn(String username) throws InterruptedException {
        if (offersBadgeTap()) {
            browser.driver().findElement(By.id("hipaa-use-password")).click();
        }
        SignInPage page = new SignInPage(browser.driver());
        if (browser.driver().findElements(By.id("username")).isEmpty()) {
            // Re-authentication of the signed-in user: Keycloak shows the name and asks only for the password.
            WebElement password = browser.driver().findElement(By.id("password"));
            password.sendKeys(DemoRealm.DEMO_PASSWORD);
            browser.driver().findElement(By.id("kc-login")).click();
        } else {
            page.submitPassword(username, DemoRealm.DEMO_PASSWORD);
        }
        if (!page.asksForOneTimeCode()) {
            throw new AssertionError("Expected the one-time code page, got: " + page.visibleError());
        }
        page.submitOneTimeCode(OneTimeCodes.next(username));
    }

    public boolean showsBreakGlassForm() {
        return !browser.driver().findElements(By.id("hipaa-break-glass-form")).isEmpty();
    }

    List<String> offeredReasonCodes() {
        return new Select(browser.driver().findElement(By.id("reasonCode"))).getOptions().stream()
                .map(option -> option.getAttribute("value")).filter(value -> !value.isEmpty()).toList();
    }

    String shownContext() {
        return browser.driver().findElement(By.id("hipaa-break-glass-context")).getText();
    }

    public void breakTheGlass(String reasonCode, String reason) {
        if (reasonCode != null) {
            new Select(browser.driver().findElement(By.id("reasonCode"))).selectByValue(reasonCode);
        }
        WebElement text = browser.driver().findElement(By.id("reason"));
        text.clear();
        if (reason != null) {
            text.sendKeys(reason);
        }
        browser.driver().findElement(By.id("kc-submit")).click();
    }

    void cancel() {
        browser.driver().findElement(By.id("kc-cancel")).click();
    }

    public String alert() {
        List<WebElement> alerts = browser.driver().findElements(By.className("kc-feedback-text"));
        return alerts.isEmpty() ? browser.driver().getPageSource() : alerts.get(0).getText();
    }

    /** Signs in through the app's break-glass request and breaks the glass; returns the app's callback. */
    CallbackReceiver.Received elevate(CallbackReceiver app, String username, String reason) throws Exception {
        request(ELEVATE, "Patient/MRN-000123");
        if (asksToSignIn()) {
            signIn(username);
        }
        if (!showsBreakGlassForm()) {
            throw new AssertionError("Expected the break-glass form, got: " + pageSource());
        }
        breakTheGlass("ETREAT", reason);
        return app.next();
    }

    public boolean showsJustificationForm() {
        return !browser.driver().findElements(By.id("hipaa-justify-form")).isEmpty();
    }

    public void justify(String text) {
        WebElement field = browser.driver().findElement(By.id("justification"));
        field.clear();
        field.sendKeys(text);
        browser.driver().findElement(By.id("kc-submit")).click();
    }

    public String pageSource() {
        return browser.driver().getPageSource();
    }

    WebElement element(String id) {
        return browser.driver().findElement(By.id(id));
    }
}
