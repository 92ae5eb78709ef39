package org.hipaaiam.it.support;

import java.util.Map;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The hipaa theme's sign-in pages as a clinician sees them: username and password, then a one-time code. */
public final class SignInPage extends Page {

    public SignInPage(WebDriver driver) {
        super(driver);
    }

    /** The demo app's sign-in in a browser without an SSO session, as at a workstation after sign-out. */
    public static SignInPage openFresh(ManagedWebDriver browser, String realmUrl) {
        Pkce pkce = Pkce.create();
        return openFresh(browser, realmUrl, new OidcDemoApp(realmUrl).authorizationUrl(pkce, Map.of()));
    }

    /** A given authorization request in a browser without an SSO session. */
    public static SignInPage openFresh(ManagedWebDriver browser, String realmUrl, String authorizationUrl) {
        forgetSessions(browser, realmUrl);
        browser.open(authorizationUrl);
        return new SignInPage(browser.driver());
    }

    /** Drops the browser's cookies for the realm, as when the previous user of a workstation walked away. */
    public static void forgetSessions(ManagedWebDriver browser, String realmUrl) {
        browser.open(realmUrl + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
    }

    /** False when an SSO session let the browser through without asking. */
    @Override
    public boolean isShown() {
        return has(By.id("kc-form-login"));
    }

    public void submitPassword(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        click(By.id("kc-login"));
    }

    public boolean asksForOneTimeCode() {
        return has(By.id("otp"));
    }

    public void submitOneTimeCode(String code) {
        type(By.id("otp"), code);
        click(By.id("kc-login"));
    }

    /** The realm's full browser sign-in with the demo password. */
    public void signIn(String username) throws InterruptedException {
        signIn(username, DemoRealm.DEMO_PASSWORD);
    }

    /**
     * Password, then an unused one-time code. Where the realm offers badge + PIN first (a badge workstation, a
     * declared emergency) the person takes the password path; when Keycloak re-authenticates the signed-in
     * user it shows the name and asks only for the password.
     */
    public void signIn(String username, String password) throws InterruptedException {
        BadgeTapPage tapPage = new BadgeTapPage(driver);
        if (tapPage.isShown()) {
            tapPage.usePasswordInstead();
            nextPageShows(By.id("password"));
        }
        if (has(By.id("username"))) {
            submitPassword(username, password);
        } else {
            type(By.id("password"), password);
            click(By.id("kc-login"));
        }
        if (!nextPageShows(By.id("otp"))) {
            throw new AssertionError("Expected the one-time code page after the password, got: " + error());
        }
        submitOneTimeCode(OneTimeCodes.next(username));
    }

    /** The message shown to the user, whether it is attached to a field or shown as a page alert. */
    @Override
    public String error() {
        return firstText(By.id("input-error-username"), By.id("input-error-otp"), By.className("kc-feedback-text"));
    }

    public String useNotice() {
        return text(By.id("hipaa-use-notice"));
    }
}
