package org.hipaaiam.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Badge and PIN enrolment, asked as a required action after a full sign-in. */
public final class BadgeEnrolmentPage extends Page {

    public BadgeEnrolmentPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("hipaa-badge-enrol-form"));
    }

    /** The badge field is left out when the badge is already bound (a PIN reset). */
    public void enrol(String badge, String pin, String confirmation) {
        expectShown("the enrolment page");
        if (has(By.id("badge"))) {
            driver.findElement(By.id("badge")).sendKeys(badge);
        }
        driver.findElement(By.id("pin")).sendKeys(pin);
        driver.findElement(By.id("pin-confirm")).sendKeys(confirmation);
        click(By.id("hipaa-enrol-submit"));
    }
}
