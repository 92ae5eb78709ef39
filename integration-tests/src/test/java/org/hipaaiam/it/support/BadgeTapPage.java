package org.hipaaiam.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The hipaa theme's badge tap page, driven with the keyboard as a keyboard-wedge reader does. */
public final class BadgeTapPage extends Page {

    public BadgeTapPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("hipaa-badge-tap-form"));
    }

    /** The reader types the badge number (or its signed assertion) into the focused field, then Enter. */
    public void tap(String badgeOrAssertion) {
        expectShown("the tap page");
        typeThenEnter(By.id("badge"), badgeOrAssertion);
    }

    public void usePasswordInstead() {
        click(By.id("hipaa-use-password"));
    }

    /** Why badge sign-in is offered here although the location is not a registered badge network. */
    public String emergencyNotice() {
        return firstText(By.id("hipaa-emergency"));
    }
}
