package org.hipaaiam.it.support;

import java.util.Map;
import org.hipaaiam.testfixtures.Totp;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The hipaa theme's sign-in pages as a clinician sees them: username and password, then a one-time code. */
public final class SignInPage {

    private final WebDriver driver;

    public SignInPage(WebDriver driver) {
        this.driver = driver;
    }

    /** The demo app's sign-in in a browser without an SSO session, as at a workstation after sign-out. */
    public static SignInPage openFresh(ManagedWebDriver browser, String realmUrl) {
        Pkce pkce = Pkce.create();
        return openFresh(browser, realmUrl, new OidcDemoApp(realmUrl).authorizationUrl(
                Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
    }

    /** A given authorization request in a browser without an SSO session. */
    public static SignInPage openFresh(ManagedWebDriver browser, String realmUrl, String authorizationUrl) {
        browser.open(realmUrl + "/.well-known/openid-configuration");
        browser.cookies().deleteAll();
        browser.open(authorizationUrl);
        return new SignInPage(browser.driver());
    }

    public void submitPassword(String username, String password) {
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.id("kc-login")).click();
    }

    /** False when an SSO session let the browser through without asking. */
    public boolean isShown() {
        return !driver.findElements(By.id("kc-form-login")).isEmpty();
    }

    public boolean asksForOneTimeCode() {
        return !driver.findElements(By.id("otp")).isEmpty();
    }

    public void submitOneTimeCode(String code) {
        type(By.id("otp"), code);
        driver.findElement(By.id("kc-login")).click();
    }

    /** Password, then the user's current TOTP code: the realm's full browser sign-in. */
    public void signIn(String username, String password, String otpSecret) {
        submitPassword(username, password);
        if (!asksForOneTimeCode()) {
            throw new AssertionError("Expected the one-time code page after the password, got: " + visibleError());
        }
        submitOneTimeCode(Totp.now(otpSecret));
    }

    /** The message shown to the user, whether it is attached to a field or shown as a page alert. */
    public String visibleError() {
        for (By locator : new By[] {By.id("input-error-username"), By.id("input-error-otp"), By.className("kc-feedback-text")}) {
            for (WebElement element : driver.findElements(locator)) {
                String text = element.getText().trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    public String useNotice() {
        return driver.findElement(By.id("hipaa-use-notice")).getText();
    }

    private void type(By locator, String text) {
        WebElement input = driver.findElement(locator);
        input.clear();
        input.sendKeys(text);
    }
}
