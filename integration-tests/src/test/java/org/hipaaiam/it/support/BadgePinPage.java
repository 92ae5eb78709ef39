package org.hipaaiam.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The PIN pad that follows a badge tap. */
public final class BadgePinPage extends Page {

    public BadgePinPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("hipaa-badge-pin-form"));
    }

    public void enterPin(String pin) {
        expectShown("the PIN page");
        typeThenEnter(By.id("pin"), pin);
    }
}
