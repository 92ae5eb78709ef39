package org.hipaaiam.it.support;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A page of the hipaa login theme as a person sees it: recognised by its form, filled in field by field. */
public abstract class Page {

    /** A message key of the bundle's pages left unresolved, as a theme without the bundle's messages would show it. */
    private static final Pattern RAW_MESSAGE_KEY = Pattern.compile("hipaa[A-Z][A-Za-z.]*");

    protected final WebDriver driver;

    protected Page(WebDriver driver) {
        this.driver = driver;
    }

    /** True when the browser shows this page now. */
    public abstract boolean isShown();

    /** Where Keycloak's pages tell the user something: the page alert, and each field's error. */
    private static final By PAGE_ALERT = By.className("kc-feedback-text");
    private static final By FIELD_ERROR = By.cssSelector("[id^='input-error-']");

    /** The first message shown to the user: the page alert, else the first field error. */
    public String error() {
        return firstText(PAGE_ALERT, FIELD_ERROR);
    }

    public String pageSource() {
        return driver.getPageSource();
    }

    /**
     * Fails unless the page came from the given login theme (its resources, not the hipaa theme's footer) and shows
     * every text, with no raw message key.
     */
    public void assertRenderedBy(String theme, String... texts) {
        String source = driver.getPageSource();
        if (!source.contains("/login/" + theme + "/")) {
            throw new AssertionError("not rendered with " + theme + ": " + source);
        }
        if (source.contains("hipaa-use-notice")) {
            throw new AssertionError("rendered with the hipaa theme");
        }
        String shown = driver.findElement(By.tagName("body")).getText();
        for (String text : texts) {
            if (!shown.contains(text)) {
                throw new AssertionError("'" + text + "' missing from: " + shown);
            }
        }
        Matcher raw = RAW_MESSAGE_KEY.matcher(shown);
        if (raw.find()) {
            throw new AssertionError("raw message key " + raw.group() + " in: " + shown);
        }
    }

    protected boolean has(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /**
     * Whether the page a submit leads to shows the element. A real browser may return from the click before the
     * next page is loaded (HtmlUnit never does), so this waits for the element or for a message to the user.
     */
    protected boolean nextPageShows(By locator) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> has(locator) || has(PAGE_ALERT) || has(FIELD_ERROR));
        } catch (TimeoutException e) {
            return false;
        }
        return has(locator);
    }

    protected String text(By locator) {
        return driver.findElement(locator).getText();
    }

    protected void type(By locator, String text) {
        WebElement input = driver.findElement(locator);
        input.clear();
        input.sendKeys(text);
    }

    /** Types into the field and presses Enter, as a keyboard-wedge reader or a PIN pad does. */
    protected void typeThenEnter(By locator, String text) {
        WebElement field = driver.findElement(locator);
        field.sendKeys(text);
        field.sendKeys(Keys.ENTER);
    }

    protected void click(By locator) {
        driver.findElement(locator).click();
    }

    protected String firstText(By... locators) {
        for (By locator : locators) {
            for (WebElement element : driver.findElements(locator)) {
                String text = element.getText().trim();
                if (!text.isEmpty()) {
                    return text;
                }
            }
        }
        return "";
    }

    /** Fails with what the browser shows instead, so a test stopped on the wrong page says which. */
    protected void expectShown(String page) {
        if (!isShown()) {
            throw new AssertionError("Expected " + page + ", got " + driver.getTitle() + ": " + error());
        }
    }
}
