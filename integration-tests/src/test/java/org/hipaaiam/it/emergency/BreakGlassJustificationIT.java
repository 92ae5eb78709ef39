package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.JustificationPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** After break-glass: the justification at next sign-in, reminders and escalation at 24 h, the review that lifts the block. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassJustificationIT {

    static final String MARKUP_REASON = "<script>window.hacked=1</script> patient coded in ED bay 3";
    static final String MARKUP_JUSTIFICATION = "<img src=x onerror=alert(1)> cardiac arrest, allergy list needed before drugs";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @Test
    void theNextSignInAsksForAJustificationAndMarkupStaysText() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        String caseId = caseIdOf(clinician.elevate(DemoRealm.CLINICIAN, MARKUP_REASON));

        clinician.forgetSessions();
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        JustificationPage page = clinician.justificationPage();
        assertTrue(page.isShown(), "the next sign-in asks for the justification");
        assertEquals(MARKUP_REASON, page.shownReason(), "the reason is shown as text");
        assertFalse(page.pageSource().contains("<script>window.hacked"), "no markup from the user reaches the page");

        page.justify("too short");
        assertTrue(page.isShown());
        assertTrue(page.error().contains("at least 20 characters"), page.pageSource());
        page.justify(MARKUP_JUSTIFICATION);
        assertNotNull(scene.app.next().params().get("code"), "justified, the sign-in completes");

        BreakGlassApi reviewer = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER);
        Map<String, Object> justified = reviewer.caseById(caseId);
        assertEquals("justified", justified.get("status"));
        assertEquals(MARKUP_JUSTIFICATION, justified.get("justification"), "stored exactly as typed");
        assertEquals(MARKUP_REASON, justified.get("reasonText"));
        scene.privacyOffice.nextAlertNamed("break-glass-justified");

        // Apps can link to the page; it shows what waits for review, escaped.
        clinician.request(BreakGlassBrowser.JUSTIFY, null);
        assertEquals(MARKUP_JUSTIFICATION, clinician.justificationPage().awaitingReview());
        assertFalse(clinician.pageSource().contains("<img src=x"), "the justification is not markup on the page");
    }

    @Test
    void reminderBeforeAndEscalationAfterTwentyFourHoursThenReviewLiftsTheBlock() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        String caseId = caseIdOf(clinician.elevate(DemoRealm.CLINICIAN, "Trauma patient, no consent possible"));
        scene.privacyOffice.nextAlertNamed("break-glass-elevation");

        scene.serverClockAhead(Duration.ofHours(24 - 4).plusSeconds(5));
        Map<?, ?> reminder = scene.privacyOffice.nextAlertNamed("break-glass-justification-reminder");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(reminder));
        Map<String, Object> reminded = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER).caseById(caseId);
        assertEquals("open", reminded.get("status"));
        assertNotNull(reminded.get("remindedAt"));
        assertNull(reminded.get("escalatedAt"));

        scene.serverClockAhead(Duration.ofHours(24).plusSeconds(5));
        Map<?, ?> overdue = scene.privacyOffice.nextAlertNamed("break-glass-justification-overdue");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(overdue));
        BreakGlassApi reviewer = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER);
        assertEquals("overdue", reviewer.caseById(caseId).get("status"));
        assertEquals(1, reviewer.cases("overdue").size());

        // Sanction block-break-glass: a late justification does not lift it; only the review does.
        clinician.forgetSessions();
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        JustificationPage page = clinician.justificationPage();
        assertTrue(page.isShown(), page.pageSource());
        page.justify("Late: trauma bay was overwhelmed, patient unable to consent");
        CallbackReceiver.Received refused = scene.app.next();
        assertEquals("access_denied", refused.params().get("error"), refused.params().toString());
        scene.privacyOffice.nextAlertNamed("break-glass-refused");

        assertEquals(200, reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "approve", "notes", "Verified with ED charge nurse")).statusCode());
        CallbackReceiver.Received again = clinician.elevate(DemoRealm.CLINICIAN, "Second emergency, same shift, ICU");
        assertEquals("success", again.params().get("kc_action_status"), again.params().toString());
    }

    /** The case id stated in the token the app gets for this callback. */
    private String caseIdOf(CallbackReceiver.Received callback) throws Exception {
        assertEquals("success", callback.params().get("kc_action_status"), callback.params().toString());
        return (String) scene.redeem(callback).access().getJSONObjectClaim("emergency_access").get("case_id");
    }
}
