package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipaaiam.it.emergency.BreakGlassBrowser;
import org.hipaaiam.it.emergency.ClinicalAppScene;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/**
 * The badge and break-glass pages ship in their provider jars (theme-resources), so a realm on a stock login
 * theme still gets their forms and texts: no hipaa theme, no raw message keys.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BundlePagesUnderAnyThemeIT {

    static final Pattern RAW_KEY = Pattern.compile("hipaa[A-Z][A-Za-z.]*");

    // A fresh realm per test: break-glass leaves a case, and each test creates the same clinician.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    private String shippedTheme;

    @AfterEach
    void restoreLoginTheme() {
        if (shippedTheme != null) {
            RealmRepresentation rep = realm.admin().toRepresentation();
            rep.setLoginTheme(shippedTheme);
            realm.admin().update(rep);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keycloak.v2", "keycloak"})
    void badgeEnrolmentTapAndPinPagesShowTheirFieldsAndTexts(String theme) throws Exception {
        useLoginTheme(theme);
        try (BadgeWard ward = new BadgeWard(realm, browser)) {
            ward.setRealmAttribute("hipaa.badge.networks", "127.0.0.1/32");
            ward.createClinician("tbadge6901", "6901");
            ward.requireEnrolment("tbadge6901");
            ward.signInWithPassword("tbadge6901");
            BadgePages pages = ward.pages();
            assertTrue(pages.showsEnrolment(), browser.driver().getPageSource());
            assertShownWith(theme, "Set up badge sign-in", "New PIN", "Confirm new PIN", "Avoid repeated digits", "Save badge and PIN");
            pages.enrol("0006901", "402917", "402917");
            ward.app.next();

            ward.openSignIn();
            assertTrue(pages.showsTapPage(), browser.driver().getPageSource());
            assertShownWith(theme, "Tap your badge", "Hold your badge to the reader.", "Continue",
                    "Sign in with password and one-time code instead");
            pages.tap("0006901");
            assertTrue(pages.showsPinPage(), browser.driver().getPageSource());
            // no header check here: with the badge holder known, the keycloak theme shows the username in its place
            assertShownWith(theme, "Clear", "Delete last digit", "Tap a different badge");
            assertEquals("PIN", browser.driver().findElement(By.cssSelector("label[for='pin']")).getText().trim());
            assertEquals("Digit 7", browser.driver().findElement(By.cssSelector("[data-digit='7']")).getAttribute("aria-label"));

            pages.enterPin("111222");
            assertEquals(BadgeSignInIT.GENERIC_ERROR, pages.error(), "a message the authenticator sets is resolved too");
            assertShownWith(theme);
            pages.enterPin("402917");
            assertNotNull(ward.app.next().params().get("code"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"keycloak.v2", "keycloak"})
    void breakGlassAndJustificationFormsShowTheirFieldsAndTexts(String theme) throws Exception {
        useLoginTheme(theme);
        try (ClinicalAppScene scene = ClinicalAppScene.open(realm, browser)) {
            BreakGlassBrowser clinician = scene.browser;
            clinician.request(BreakGlassBrowser.ELEVATE, "Patient/MRN-000123");
            clinician.signIn(DemoRealm.CLINICIAN);
            assertTrue(clinician.showsBreakGlassForm(), clinician.pageSource());
            assertShownWith(theme, "Emergency access (break the glass)", "Privacy Office is alerted now", "Reason code",
                    "Reason (what emergency, which patient care)", "Requested for:", "Break the glass");
            assertEquals("Emergency treatment (ETREAT)",
                    browser.driver().findElement(By.cssSelector("#reasonCode option[value='ETREAT']")).getText().trim());

            clinician.breakTheGlass("ETREAT", null);
            assertTrue(clinician.alert().contains("Write the reason for emergency access"), clinician.alert());
            assertShownWith(theme);
            clinician.breakTheGlass("ETREAT", "Unconscious patient in ED bay 3, allergy history needed now");
            assertEquals("success", scene.app.next().params().get("kc_action_status"));

            clinician.forgetSessions();
            clinician.request(null, null);
            clinician.signIn(DemoRealm.CLINICIAN);
            assertTrue(clinician.showsJustificationForm(), clinician.pageSource());
            assertShownWith(theme, "Justify emergency access", "Justification due", "Justification", "Submit justification");
            clinician.justify("Cardiac arrest in ED bay 3, allergy list needed before drugs");
            assertNotNull(scene.app.next().params().get("code"));
        }
    }

    private void useLoginTheme(String theme) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        shippedTheme = rep.getLoginTheme();
        rep.setLoginTheme(theme);
        realm.admin().update(rep);
    }

    /** The page came from the given theme (its resources, not the hipaa footer), shows the texts and no raw key. */
    private void assertShownWith(String theme, String... texts) {
        String source = browser.driver().getPageSource();
        assertTrue(source.contains("/login/" + theme + "/"), "not rendered with " + theme + ": " + source);
        assertFalse(source.contains("hipaa-use-notice"), "rendered with the hipaa theme");
        String shown = browser.driver().findElement(By.tagName("body")).getText();
        for (String text : texts) {
            assertTrue(shown.contains(text), "'" + text + "' missing from: " + shown);
        }
        Matcher raw = RAW_KEY.matcher(shown);
        assertFalse(raw.find(), () -> "raw message key " + raw.group() + " in: " + shown);
    }
}
