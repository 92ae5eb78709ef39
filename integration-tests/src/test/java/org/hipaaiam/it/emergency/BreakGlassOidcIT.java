package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.it.support.BreakGlassPage;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Break-the-glass from the demo clinical app over OIDC: fresh re-authentication, reason, claims, alert, case. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassOidcIT {

    static final String REASON = "Unconscious patient in ED bay 3, allergy history needed now";

    // A fresh realm per test: each elevation opens a case that the next sign-in would ask to justify.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @Test
    void clinicianBreaksTheGlassAndTokensStateEmergencyAccess() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        clinician.request(BreakGlassBrowser.ELEVATE, "Patient/MRN-000123");
        assertTrue(clinician.asksToSignIn(), "break-glass starts with the realm's sign-in");
        clinician.signIn(DemoRealm.CLINICIAN);

        BreakGlassPage form = clinician.breakGlassForm();
        assertTrue(form.isShown(), form.pageSource());
        assertTrue(form.offeredReasonCodes().containsAll(List.of("ETREAT", "BTG", "MCI")), form.offeredReasonCodes().toString());
        assertTrue(form.shownContext().contains("Patient/MRN-000123"));
        form.breakTheGlass("ETREAT", REASON);

        CallbackReceiver.Received callback = scene.app.next();
        assertEquals("success", callback.params().get("kc_action_status"), callback.params().toString());
        Tokens tokens = scene.redeem(callback);

        assertEquals("BTG", tokens.access().getStringClaim("purpose_of_use"));
        assertEquals("BTG", tokens.id().getStringClaim("purpose_of_use"));
        Map<String, Object> access = tokens.access().getJSONObjectClaim("emergency_access");
        assertEquals("ETREAT", access.get("reason_code"));
        long until = ((Number) access.get("until")).longValue();
        assertTrue(tokens.access().getExpirationTime().getTime() / 1000 <= until, "no token outlives the elevation");
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) tokens.access().getJSONObjectClaim("realm_access").get("roles");
        assertTrue(roles.contains("emergency-access"), roles.toString());
        String caseId = (String) access.get("case_id");

        Map<?, ?> alert = scene.privacyOffice.nextAlertNamed("break-glass-elevation");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(alert));
        scene.trail().single(r -> "break-glass-elevation".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && caseId.equals(r.at("unmapped.keycloak.details.case_id")));

        Map<String, Object> opened = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER).caseById(caseId);
        assertEquals("open", opened.get("status"));
        assertEquals(DemoRealm.CLINICIAN, opened.get("username"));
        assertEquals("Patient/MRN-000123", opened.get("context"));
        assertEquals(REASON, opened.get("reasonText"));
        assertEquals(DemoRealm.OIDC_CLIENT, opened.get("clientId"));
        assertEquals(((Number) opened.get("startedAt")).longValue() + 86400, ((Number) opened.get("dueAt")).longValue());
    }

    @Test
    void anSsoSessionAloneDoesNotElevate() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        assertNotNull(scene.app.next().params().get("code"));

        scene.serverClockAhead(Duration.ofSeconds(5));
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.asksToSignIn(), "the existing session is not enough: the realm's sign-in runs again");
        assertFalse(clinician.breakGlassForm().isShown());
        clinician.signIn(DemoRealm.CLINICIAN);
        assertTrue(clinician.breakGlassForm().isShown(), "after re-authentication the form is shown");
    }

    @Test
    void aStaleAuthenticationIsSentThroughSignInAgain() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        scene.setRealmAttribute("hipaa.breakGlass.reauthMaxAgeSeconds", "300");
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        scene.app.next();

        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.breakGlassForm().isShown(), "an authentication 0 s old is fresh enough for a 300 s window");
        clinician.breakGlassForm().cancel();
        assertEquals("cancelled", scene.app.next().params().get("kc_action_status"));

        scene.serverClockAhead(Duration.ofSeconds(301));
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.asksToSignIn(), "301 s after sign-in the realm's sign-in runs again");
    }

    @Test
    void aMissingReasonIsRefusedAndNothingIsElevated() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        BreakGlassPage form = clinician.breakGlassForm();
        form.breakTheGlass("BTG", "");
        assertTrue(form.isShown(), "the form is shown again");
        assertTrue(form.error().contains("Write the reason"), form.pageSource());
        form.breakTheGlass("", REASON);
        assertTrue(form.error().contains("Choose a reason code"), form.pageSource());

        form.cancel();
        CallbackReceiver.Received callback = scene.app.next();
        assertEquals("cancelled", callback.params().get("kc_action_status"));
        Tokens tokens = scene.redeem(callback);
        assertNull(tokens.access().getClaim("purpose_of_use"));
        assertFalse(scene.trail().records(r -> "emergency-access-invalid-request".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && DemoRealm.CLINICIAN.equals(r.at("user.name"))).isEmpty(), "refused input is audited");
    }

    @Test
    void anAccountWithoutTheClinicianRoleIsRefused() throws Exception {
        scene.clinician.request(BreakGlassBrowser.ELEVATE, null);
        scene.clinician.signIn(BreakGlassApi.PRIVACY_OFFICER);

        CallbackReceiver.Received callback = scene.app.next();
        assertEquals("access_denied", callback.params().get("error"), callback.params().toString());
        assertNull(callback.params().get("code"), "the app gets no code, so no token at all");
        Map<?, ?> alert = scene.privacyOffice.nextAlertNamed("break-glass-refused");
        assertEquals(BreakGlassApi.PRIVACY_OFFICER, PrivacyOffice.usernameOf(alert));
    }

    @Test
    void aRealmThatDoesNotEnableThePoliciesOffersNoBreakGlass() throws Exception {
        scene.setRealmAttribute(BundleScope.POLICIES_ENABLED, "false");
        scene.clinician.request(BreakGlassBrowser.ELEVATE, null);
        scene.clinician.signIn(DemoRealm.CLINICIAN);

        CallbackReceiver.Received callback = scene.app.next();
        assertEquals("access_denied", callback.params().get("error"), "even a clinician is refused: " + callback.params());
        assertFalse(scene.trail().records(r -> "break-glass-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && "break-glass is not enabled in this realm".equals(r.at("unmapped.keycloak.details.reason"))
                && DemoRealm.CLINICIAN.equals(r.at("user.name"))).isEmpty(), "the refusal is audited");
    }

    @Test
    void emergencyClaimsAreGoneFromTokensIssuedAfterExpiry() throws Exception {
        BreakGlassBrowser clinician = scene.clinician;
        scene.setRealmAttribute("hipaa.breakGlass.elevationSeconds", "120");
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        clinician.breakGlassForm().breakTheGlass("BTG", REASON);
        Tokens elevated = scene.redeem(scene.app.next());
        assertEquals("BTG", elevated.access().getStringClaim("purpose_of_use"));

        scene.serverClockAhead(Duration.ofSeconds(60));
        Tokens stillElevated = elevated.refreshed(scene.app);
        assertEquals("BTG", stillElevated.access().getStringClaim("purpose_of_use"), "within the elevation refreshes keep it");

        scene.serverClockAhead(Duration.ofSeconds(121));
        Tokens afterExpiry = stillElevated.refreshed(scene.app);
        assertNull(afterExpiry.access().getClaim("purpose_of_use"), "server clock moved past the elevation's end");
        assertNull(afterExpiry.access().getClaim("emergency_access"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) afterExpiry.access().getJSONObjectClaim("realm_access").get("roles");
        assertFalse(roles.contains("emergency-access"));
    }
}
