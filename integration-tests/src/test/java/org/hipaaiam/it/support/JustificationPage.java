package org.hipaaiam.it.support;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The justification asked at the next sign-in after break-the-glass, and what waits for the Privacy Office's review. */
public final class JustificationPage extends Page {

    public JustificationPage(WebDriver driver) {
        super(driver);
    }

    @Override
    public boolean isShown() {
        return has(By.id("hipaa-justify-form"));
    }

    /** The reason given when the glass was broken, as the page shows it. */
    public String shownReason() {
        return text(By.id("hipaa-justify-reason"));
    }

    public void justify(String text) {
        type(By.id("justification"), text);
        click(By.id("kc-submit"));
    }

    /** The first justification listed as awaiting review. */
    public String awaitingReview() {
        return text(By.className("hipaa-justify-text"));
    }
}
