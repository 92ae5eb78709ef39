package org.hipaaiam.it.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/** The break-the-glass form: a reason code, the reason in the clinician's words, and the app's context. */
public final class BreakGlassPage extends Page {

    public BreakGlassPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("hipaa-break-glass-form"));
    }

    public List<String> offeredReasonCodes() {
        return new Select(driver.findElement(By.id("reasonCode"))).getOptions().stream()
                .map(option -> option.getAttribute("value")).filter(value -> !value.isEmpty()).toList();
    }

    public String shownContext() {
        return text(By.id("hipaa-break-glass-context"));
    }

    /** Submits the form; a null reason code leaves the selection as it is, a null reason leaves the field empty. */
    public void breakTheGlass(String reasonCode, String reason) {
        if (reasonCode != null) {
            new Select(driver.findElement(By.id("reasonCode"))).selectByValue(reasonCode);
        }
        type(By.id("reason"), reason == null ? "" : reason);
        click(By.id("kc-submit"));
    }

    public void cancel() {
        click(By.id("kc-cancel"));
    }
}
