package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.OidcDemoApp;
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

/** Break-the-glass from the demo clinical app over OIDC: fresh re-authentication, reason, claims, alert, case. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassOidcIT {

    static final String REASON = "Unconscious patient in ED bay 3, allergy history needed now";

    // A fresh realm per test: each elevation opens a case that the next sign-in would ask to justify.
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
    void clinicianBreaksTheGlassAndTokensStateEmergencyAccess() throws Exception {
        clinician.request(BreakGlassBrowser.ELEVATE, "Patient/MRN-000123");
        assertTrue(clinician.asksToSignIn(), "break-glass starts with the realm's sign-in");
        clinician.signIn(DemoRealm.CLINICIAN);

        assertTrue(clinician.showsBreakGlassForm(), clinician.pageSource());
        assertTrue(clinician.offeredReasonCodes().containsAll(List.of("ETREAT", "BTG", "MCI")), clinician.offeredReasonCodes().toString());
        assertTrue(clinician.shownContext().contains("Patient/MRN-000123"));
        clinician.breakTheGlass("ETREAT", REASON);

        CallbackReceiver.Received callback = app.next();
        assertEquals("success", callback.params().get("kc_action_status"), callback.params().toString());
        Tokens tokens = Tokens.of(new OidcDemoApp(realm.getBaseUrl()).redeem(callback.params().get("code"), clinician.verifier()));

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

        Map<?, ?> alert = privacyOffice.nextAlertNamed("break-glass-elevation");
        assertEquals(DemoRealm.CLINICIAN, PrivacyOffice.usernameOf(alert));
        AuditTrail.single(r -> "break-glass-elevation".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && caseId.equals(r.at("unmapped.keycloak.details.case_id")));

        Map<String, Object> opened = BreakGlassApi.as(realm.getBaseUrl(), BreakGlassApi.PRIVACY_OFFICER).caseById(caseId);
        assertEquals("open", opened.get("status"));
        assertEquals(DemoRealm.CLINICIAN, opened.get("username"));
        assertEquals("Patient/MRN-000123", opened.get("context"));
        assertEquals(REASON, opened.get("reasonText"));
        assertEquals(DemoRealm.OIDC_CLIENT, opened.get("clientId"));
        assertEquals(((Number) opened.get("startedAt")).longValue() + 86400, ((Number) opened.get("dueAt")).longValue());
    }

    @Test
    void anSsoSessionAloneDoesNotElevate() throws Exception {
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        assertNotNull(app.next().params().get("code"));

        timeOffSet.set(5);
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.asksToSignIn(), "the existing session is not enough: the realm's sign-in runs again");
        assertFalse(clinician.showsBreakGlassForm());
        clinician.signIn(DemoRealm.CLINICIAN);
        assertTrue(clinician.showsBreakGlassForm(), "after re-authentication the form is shown");
    }

    @Test
    void aStaleAuthenticationIsSentThroughSignInAgain() throws Exception {
        setRealmAttribute("hipaa.breakGlass.reauthMaxAgeSeconds", "300");
        clinician.request(null, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        app.next();

        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.showsBreakGlassForm(), "an authentication 0 s old is fresh enough for a 300 s window");
        clinician.cancel();
        assertEquals("cancelled", app.next().params().get("kc_action_status"));

        timeOffSet.set(301);
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        assertTrue(clinician.asksToSignIn(), "301 s after sign-in the realm's sign-in runs again");
    }

    @Test
    void aMissingReasonIsRefusedAndNothingIsElevated() throws Exception {
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        clinician.breakTheGlass("BTG", "");
        assertTrue(clinician.showsBreakGlassForm(), "the form is shown again");
        assertTrue(clinician.alert().contains("Write the reason"), clinician.alert());
        clinician.breakTheGlass("", REASON);
        assertTrue(clinician.alert().contains("Choose a reason code"), clinician.alert());

        clinician.cancel();
        CallbackReceiver.Received callback = app.next();
        assertEquals("cancelled", callback.params().get("kc_action_status"));
        Tokens tokens = Tokens.of(new OidcDemoApp(realm.getBaseUrl()).redeem(callback.params().get("code"), clinician.verifier()));
        assertNull(tokens.access().getClaim("purpose_of_use"));
        assertFalse(AuditTrail.records(r -> "emergency-access-invalid-request".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && DemoRealm.CLINICIAN.equals(r.at("user.name"))).isEmpty(), "refused input is audited");
    }

    @Test
    void anAccountWithoutTheClinicianRoleIsRefused() throws Exception {
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(BreakGlassApi.PRIVACY_OFFICER);

        CallbackReceiver.Received callback = app.next();
        assertEquals("access_denied", callback.params().get("error"), callback.params().toString());
        assertNull(callback.params().get("code"), "the app gets no code, so no token at all");
        Map<?, ?> alert = privacyOffice.nextAlertNamed("break-glass-refused");
        assertEquals(BreakGlassApi.PRIVACY_OFFICER, PrivacyOffice.usernameOf(alert));
    }

    @Test
    void aRealmThatDoesNotEnableThePoliciesOffersNoBreakGlass() throws Exception {
        setRealmAttribute(BundleScope.POLICIES_ENABLED, "false");
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);

        CallbackReceiver.Received callback = app.next();
        assertEquals("access_denied", callback.params().get("error"), "even a clinician is refused: " + callback.params());
        assertFalse(AuditTrail.records(r -> "break-glass-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && "break-glass is not enabled in this realm".equals(r.at("unmapped.keycloak.details.reason"))
                && DemoRealm.CLINICIAN.equals(r.at("user.name"))).isEmpty(), "the refusal is audited");
    }

    @Test
    void emergencyClaimsAreGoneFromTokensIssuedAfterExpiry() throws Exception {
        setRealmAttribute("hipaa.breakGlass.elevationSeconds", "120");
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(DemoRealm.CLINICIAN);
        clinician.breakTheGlass("BTG", REASON);
        Tokens elevated = Tokens.of(new OidcDemoApp(realm.getBaseUrl()).redeem(app.next().params().get("code"), clinician.verifier()));
        assertEquals("BTG", elevated.access().getStringClaim("purpose_of_use"));

        timeOffSet.set(60);
        Tokens stillElevated = elevated.refreshed(realm.getBaseUrl());
        assertEquals("BTG", stillElevated.access().getStringClaim("purpose_of_use"), "within the elevation refreshes keep it");

        timeOffSet.set(121);
        Tokens afterExpiry = stillElevated.refreshed(realm.getBaseUrl());
        assertNull(afterExpiry.access().getClaim("purpose_of_use"), "server clock moved past the elevation's end");
        assertNull(afterExpiry.access().getClaim("emergency_access"));
        @SuppressWarnings("unchecked")
        List<String> roles = (List<String>) afterExpiry.access().getJSONObjectClaim("realm_access").get("roles");
        assertFalse(roles.contains("emergency-access"));
    }

    private void setRealmAttribute(String key, String value) {
        PrivacyOffice.setRealmAttribute(realm, key, value);
    }
}
