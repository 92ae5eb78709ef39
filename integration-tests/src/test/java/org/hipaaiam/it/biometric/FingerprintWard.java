package org.hipaaiam.it.biometric;

import java.net.http.HttpResponse;
import java.util.List;
import org.hipaaiam.it.badge.BadgeWard;
import org.hipaaiam.it.support.BadgeEnrolmentPage;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The badge ward in headless Chromium with a virtual fingerprint security key: clinicians who enrolled a badge, a
 * PIN and a key, signing in at a workstation by tap and fingerprint.
 */
final class FingerprintWard extends BadgeWard {

    final FingerprintBrowser chromium;

    /** The scene's constructor; the framework's own browser (HtmlUnit) is left aside for Chromium. */
    FingerprintWard(ManagedRealm realm, ManagedWebDriver unused, TimeOffSet clock) throws Exception {
        this(realm, new FingerprintBrowser(), clock);
    }

    private FingerprintWard(ManagedRealm realm, FingerprintBrowser chromium, TimeOffSet clock) throws Exception {
        super(realm, new ManagedWebDriver(chromium.driver), clock);
        this.chromium = chromium;
        afterTest(chromium);
        // the tests fail fingerprints and PINs in quick succession on purpose
        allowQuickRetries();
    }

    /** A new clinician who enrolled a badge with this PIN and a fingerprint key in one full sign-in, then signed out. */
    Clinician enrolledWithKey(String pin) throws Exception {
        Clinician nurse = newClinician();
        requireActions(nurse, List.of("hipaa-badge-enrolment", "hipaa-fingerprint-enrolment"));
        Pkce pkce = signInWithPassword(nurse.username());
        BadgeEnrolmentPage badgePage = new BadgeEnrolmentPage(chromium.driver);
        boolean badge = false;
        boolean key = false;
        while (!(badge && key)) {
            chromium.await(() -> chromium.onRegistrationPage() || badgePage.isShown());
            if (chromium.onRegistrationPage()) {
                chromium.registerKey("Badge-holder key");
                key = true;
                if (!badge) {
                    chromium.await(badgePage::isShown);
                }
            } else {
                badgePage.enrol(nurse.badge(), pin, pin);
                badge = true;
                if (!key) {
                    chromium.await(chromium::onRegistrationPage);
                }
            }
        }
        Tokens.redeem(app, pkce);
        realm.admin().users().get(nurse.id()).logout();
        return nurse;
    }

    void requireActions(Clinician nurse, List<String> actions) {
        UserRepresentation user = realm.admin().users().get(nurse.id()).toRepresentation();
        user.setRequiredActions(actions);
        realm.admin().users().get(nurse.id()).update(user);
    }

    /** Tap at a fresh browser; the fingerprint page asks the key at once and the app gets its code. */
    HttpResponse<String> signInWithFingerprint(String badge) throws Exception {
        Pkce pkce = openSignIn();
        tapPage().tap(badge);
        return app.redeem(app.next().params().get("code"), pkce.verifier());
    }

    /** Tap at the same browser (its SSO session locked): the unlock asks for tap and fingerprint. */
    HttpResponse<String> unlockWithFingerprint(String badge) throws Exception {
        Pkce pkce = Pkce.create();
        browser.open(app.authorizationUrl(pkce, java.util.Map.of()));
        tapPage().tap(badge);
        return app.redeem(app.next().params().get("code"), pkce.verifier());
    }

    /** Waits for the PIN page (a real browser returns from a click before the next page is there). */
    void awaitPinPage() {
        chromium.await(() -> pinPage().isShown());
    }

    boolean onFingerprintPage() {
        return !chromium.driver.findElements(By.id("hipaa-use-pin")).isEmpty();
    }

    boolean fingerprintOffered() {
        return !chromium.driver.findElements(By.id("hipaa-fingerprint-start")).isEmpty();
    }

    /** Asks the key again and waits for the server's answer to replace this page. */
    void tryFingerprintAgain() {
        clickAndAwaitNextPage(By.id("hipaa-fingerprint-start"));
    }

    void usePin() {
        clickAndAwaitNextPage(By.id("hipaa-use-pin"));
    }

    private void clickAndAwaitNextPage(By button) {
        WebElement element = chromium.driver.findElement(button);
        element.click();
        chromium.await(() -> {
            try {
                element.isDisplayed();
                return false;
            } catch (StaleElementReferenceException replaced) {
                return true;
            }
        });
    }
}
