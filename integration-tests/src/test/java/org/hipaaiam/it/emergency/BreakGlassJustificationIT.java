package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** After break-glass: the justification at next sign-in, reminders and escalation at 24 h, the review that lifts the block. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassJustificationIT {

    static final String MARKUP_REASON = "<script>window.hacked=1</script> patient coded in ED bay 3";
    static final String MARKUP_JUSTIFICATION = "<img src=x onerror=alert(1)> cardiac arrest, allergy list needed before drugs";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private ClinicalAppScene scene;
    private CallbackReceiver app;
    private PrivacyOffice privacyOffice;
    private BreakGlassBrowser clinician;

    @BeforeEach
    void start() throws Exception {
        scene = ClinicalAppScene.open(realm, browser);
        app = scene.app;
        privacyOffice = scene.privacyOffice;
        clinician = scene.browser;
    }

    @AfterEach
    void stop() {
        timeOffSet.set(0);
        scene.close();
    }

    @Test
    void theNextSignInAsksForAJustificationAndMarkupStaysText() throws Exception {
        String caseId = caseIdOf(clinician.elevate(app, DemoRealm.CLINICIAN, MARKUP_REASON));

        clinician.forgetSessions();
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        assertTrue(clinician.showsJustificationForm(), "the next sign-in asks for the justification");
        assertEquals(MARKUP_REASON, clinician.element("hipaa-justify-reason").getText(), "the reason is shown as text");
        assertFalse(clinician.pageSource().contains("<script>window.hacked"), "no markup from the user reaches the page");

        clinician.justify("too short");
        assertTrue(clinician.showsJustificationForm());
        assertTrue(clinician.alert().contains("at least 20 characters"), clinician.alert());
        clinician.justify(MARKUP_JUSTIFICATION);
        assertNotNull(app.next().params().get("code"), "justified, the sign-in completes");

        BreakGlassApi reviewer = BreakGlassApi.as(realm.getBaseUrl(), BreakGlassApi.PRIVACY_OFFICER);
        Map<String, Object> justified = reviewer.caseById(caseId);
        assertEquals("justified", justified.get("status"));
        assertEquals(MARKUP_JUSTIFICATION, justified.get("justification"), "stored exactly as typed");
        assertEquals(MARKUP_REASON, justified.get("reasonText"));
        privacyOffice.nextAlertNamed("break-glass-justified");

        // Apps can link to the page; it shows what waits for review, escaped.
        clinician.request(BreakGlassBrowser.JUSTIFY, null);
        assertEquals(MARKUP_JUSTIFICATION, browser.driver().findElement(org.openqa.selenium.By.className("hipaa-justify-text")).getText());
        assertFalse(clinician.pageSource().contains("<img src=x"), "the justification is not markup on the page");
    }

    @Test
    void reminderBeforeAndEscalationAfterTwentyFourHoursThenReviewLiftsTheBlock() throws Exception {
        String caseId = caseIdOf(clinician.elevate(app, DemoRealm.CLINICIAN, "Trauma patient, no consent possible"));
        privacyOffice.nextAlertNamed("break-glass-elevation");

        int reminderTime = 24 * 3600 - 4 * 3600 + 5;
        timeOffSet.set(reminderTime);
        Map<?, ?> reminder = privacyOffice.nextAlertNamed("break-glass-justification-reminder");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(reminder));
        Map<String, Object> reminded = BreakGlassApi.as(realm.getBaseUrl(), BreakGlassApi.PRIVACY_OFFICER).caseById(caseId);
        assertEquals("open", reminded.get("status"));
        assertNotNull(reminded.get("remindedAt"));
        assertNull(reminded.get("escalatedAt"));

        int overdueTime = 24 * 3600 + 5;
        timeOffSet.set(overdueTime);
        Map<?, ?> overdue = privacyOffice.nextAlertNamed("break-glass-justification-overdue");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(overdue));
        BreakGlassApi reviewer = BreakGlassApi.as(realm.getBaseUrl(), BreakGlassApi.PRIVACY_OFFICER);
        assertEquals("overdue", reviewer.caseById(caseId).get("status"));
        assertEquals(1, reviewer.cases("overdue").size());

        // Sanction block-break-glass: a late justification does not lift it; only the review does.
        clinician.forgetSessions();
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        assertTrue(clinician.showsJustificationForm(), clinician.pageSource());
        clinician.justify("Late: trauma bay was overwhelmed, patient unable to consent");
        CallbackReceiver.Received refused = app.next();
        assertEquals("access_denied", refused.params().get("error"), refused.params().toString());
        privacyOffice.nextAlertNamed("break-glass-refused");

        assertEquals(200, reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "approve", "notes", "Verified with ED charge nurse")).statusCode());
        CallbackReceiver.Received again = clinician.elevate(app, DemoRealm.CLINICIAN, "Second emergency, same shift, ICU");
        assertEquals("success", again.params().get("kc_action_status"), again.params().toString());
    }

    /** The case id stated in the token the app gets for this callback. */
    private String caseIdOf(CallbackReceiver.Received callback) throws Exception {
        assertEquals("success", callback.params().get("kc_action_status"), callback.params().toString());
        Tokens tokens = Tokens.of(new org.hipaaiam.it.support.OidcDemoApp(realm.getBaseUrl()).redeem(callback.params().get("code"), clinician.verifier()));
        return (String) tokens.access().getJSONObjectClaim("emergency_access").get("case_id");
    }
}
