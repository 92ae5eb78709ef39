package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.BadgeEnrolmentPage;
import org.hipaaiam.it.support.BadgePinPage;
import org.hipaaiam.it.support.BadgeTapPage;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.UnderStockLoginThemes;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;

/**
 * The badge pages ship in their provider jar (theme-resources), so a realm on a stock login theme still gets
 * their forms and texts: no hipaa theme, no raw message keys. The break-glass pages: BreakGlassPagesUnderAnyThemeIT.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgePagesUnderAnyThemeIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @UnderStockLoginThemes
    void badgeEnrolmentTapAndPinPagesShowTheirFieldsAndTexts(String theme) throws Exception {
        ward.setRealmAttribute(WorkstationLocationIT.BADGE_NETWORKS, "127.0.0.1/32");
        ward.useLoginTheme(theme);
        Clinician nurse = ward.newClinician();
        ward.requireEnrolment(nurse.username());
        ward.signInWithPassword(nurse.username());
        BadgeEnrolmentPage enrolment = ward.enrolmentPage();
        assertTrue(enrolment.isShown(), enrolment.pageSource());
        enrolment.assertRenderedBy(theme, "Set up badge sign-in", "New PIN", "Confirm new PIN", "Avoid repeated digits", "Save badge and PIN");
        enrolment.enrol(nurse.badge(), "402917", "402917");
        ward.app.next();

        ward.openSignIn();
        BadgeTapPage tap = ward.tapPage();
        assertTrue(tap.isShown(), tap.pageSource());
        tap.assertRenderedBy(theme, "Tap your badge", "Hold your badge to the reader.", "Continue",
                "Sign in with password and one-time code instead");
        tap.tap(nurse.badge());
        BadgePinPage pin = ward.pinPage();
        assertTrue(pin.isShown(), pin.pageSource());
        // no header check here: with the badge holder known, the keycloak theme shows the username in its place
        pin.assertRenderedBy(theme, "Clear", "Delete last digit", "Tap a different badge");
        assertEquals("PIN", ward.browser().driver().findElement(By.cssSelector("label[for='pin']")).getText().trim());
        assertEquals("Digit 7", ward.browser().driver().findElement(By.cssSelector("[data-digit='7']")).getAttribute("aria-label"));

        pin.enterPin("111222");
        assertEquals(BadgeSignInIT.GENERIC_ERROR, pin.error(), "a message the authenticator sets is resolved too");
        pin.assertRenderedBy(theme);
        pin.enterPin("402917");
        assertNotNull(ward.app.next().params().get("code"));
    }
}
