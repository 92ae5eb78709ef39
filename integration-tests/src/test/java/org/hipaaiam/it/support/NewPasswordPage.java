package org.hipaaiam.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Keycloak's update-password page in the hipaa theme, where a required password change stops a sign-in. */
public final class NewPasswordPage extends Page {

    public NewPasswordPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("password-new"));
    }

    public void choose(String password) {
        driver.findElement(By.id("password-new")).sendKeys(password);
        driver.findElement(By.id("password-confirm")).sendKeys(password);
        click(By.id("kc-submit"));
    }
}
