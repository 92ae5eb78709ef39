package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hipaaiam.it.support.BreakGlassPage;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.JustificationPage;
import org.hipaaiam.it.support.UnderStockLoginThemes;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.openqa.selenium.By;

/**
 * The break-glass pages ship in their provider jar (theme-resources), so a realm on a stock login theme still
 * gets their forms and texts: no hipaa theme, no raw message keys. The badge pages: BadgePagesUnderAnyThemeIT.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassPagesUnderAnyThemeIT {

    // A fresh realm per test: breaking the glass leaves a case that the next sign-in would ask to justify.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @UnderStockLoginThemes
    void breakGlassAndJustificationFormsShowTheirFieldsAndTexts(String theme) throws Exception {
        scene.useLoginTheme(theme);
        BreakGlassBrowser clinician = scene.clinician;
        clinician.request(BreakGlassBrowser.ELEVATE, "Patient/MRN-000123");
        clinician.signIn(DemoRealm.CLINICIAN);
        BreakGlassPage form = clinician.breakGlassForm();
        assertTrue(form.isShown(), form.pageSource());
        form.assertRenderedBy(theme, "Emergency access (break the glass)", "Privacy Office is alerted now", "Reason code",
                "Reason (what emergency, which patient care)", "Requested for:", "Break the glass");
        assertEquals("Emergency treatment (ETREAT)",
                scene.browser().driver().findElement(By.cssSelector("#reasonCode option[value='ETREAT']")).getText().trim());

        form.breakTheGlass("ETREAT", null);
        assertTrue(form.error().contains("Write the reason for emergency access"), form.pageSource());
        form.assertRenderedBy(theme);
        form.breakTheGlass("ETREAT", "Unconscious patient in ED bay 3, allergy history needed now");
        assertEquals("success", scene.app.next().params().get("kc_action_status"));

        clinician.forgetSessions();
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        JustificationPage justification = clinician.justificationPage();
        assertTrue(justification.isShown(), justification.pageSource());
        justification.assertRenderedBy(theme, "Justify emergency access", "Justification due", "Justification", "Submit justification");
        justification.justify("Cardiac arrest in ED bay 3, allergy list needed before drugs");
        assertNotNull(scene.app.next().params().get("code"));
    }
}
