package org.hipaaiam.it.badge;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The bundle's tap page, PIN pad and enrolment page, driven with the keyboard as a badge reader does. */
final class BadgePages {

    private final WebDriver driver;

    BadgePages(WebDriver driver) {
        this.driver = driver;
    }

    boolean showsTapPage() {
        return !driver.findElements(By.id("hipaa-badge-tap-form")).isEmpty();
    }

    boolean showsPinPage() {
        return !driver.findElements(By.id("hipaa-badge-pin-form")).isEmpty();
    }

    boolean showsEnrolment() {
        return !driver.findElements(By.id("hipaa-badge-enrol-form")).isEmpty();
    }

    boolean showsPasswordPage() {
        return !driver.findElements(By.id("kc-form-login")).isEmpty();
    }

    /** A keyboard-wedge reader: the characters into the focused field, then Enter. */
    void tap(String badgeOrAssertion) {
        expect(showsTapPage(), "the tap page");
        WebElement field = driver.findElement(By.id("badge"));
        field.sendKeys(badgeOrAssertion);
        field.sendKeys(Keys.ENTER);
    }

    void enterPin(String pin) {
        expect(showsPinPage(), "the PIN page");
        WebElement field = driver.findElement(By.id("pin"));
        field.sendKeys(pin);
        field.sendKeys(Keys.ENTER);
    }

    void usePasswordInstead() {
        driver.findElement(By.id("hipaa-use-password")).click();
    }

    void enrol(String badge, String pin, String confirmation) {
        expect(showsEnrolment(), "the enrolment page");
        if (!driver.findElements(By.id("badge")).isEmpty()) {
            driver.findElement(By.id("badge")).sendKeys(badge);
        }
        driver.findElement(By.id("pin")).sendKeys(pin);
        driver.findElement(By.id("pin-confirm")).sendKeys(confirmation);
        driver.findElement(By.id("hipaa-enrol-submit")).click();
    }

    /** The page alert or the first field error. */
    String error() {
        for (By locator : new By[] {By.className("kc-feedback-text"), By.id("input-error-badge"), By.id("input-error-pin"),
                By.id("input-error-pin-confirm")}) {
            for (WebElement element : driver.findElements(locator)) {
                if (!element.getText().isBlank()) {
                    return element.getText().trim();
                }
            }
        }
        return "";
    }

    private void expect(boolean shown, String page) {
        if (!shown) {
            throw new AssertionError("Expected " + page + ", got " + driver.getTitle() + ": " + error());
        }
    }
}
