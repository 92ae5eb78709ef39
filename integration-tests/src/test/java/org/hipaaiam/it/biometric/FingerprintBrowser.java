package org.hipaaiam.it.biometric;

import java.time.Duration;
import org.hipaaiam.it.support.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Headless Chromium with a virtual security key that has a fingerprint sensor (CTAP2, user verification): WebAuthn
 * needs a real browser's JavaScript and credentials API, which HtmlUnit lacks.
 */
final class FingerprintBrowser implements AutoCloseable {

    final ChromeDriver driver;
    final VirtualAuthenticator key;
    private final WebDriverWait wait;

    FingerprintBrowser() throws Exception {
        driver = HeadlessChromium.start("fingerprint-browser");
        key = driver.addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.USB)
                .setHasResidentKey(true)
                .setHasUserVerification(true)
                .setIsUserConsenting(true)
                .setIsUserVerified(true));
        wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        // A wait that runs out says where the browser was and what it showed.
        wait.withMessage(() -> "at " + driver.getCurrentUrl() + " showing: " + pageText());
    }

    /** On Keycloak's security key registration page: register, and name the key when asked. */
    void registerKey(String label) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id("registerWebAuthn"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).sendKeys(label);
        driver.switchTo().alert().accept();
    }

    boolean onRegistrationPage() {
        return !driver.findElements(By.id("registerWebAuthn")).isEmpty();
    }

    void await(java.util.function.BooleanSupplier condition) {
        wait.until(d -> condition.getAsBoolean());
    }

    void awaitUrlContaining(String part) {
        wait.until(d -> d.getCurrentUrl().contains(part));
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    void awaitText(String text) {
        wait.until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
