package org.hipaaiam.it.biometric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.Accounts.Account;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.BundleApiClient;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.TestFido;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.HtmlUnitWebDriverSupplier;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Enrolment of a fingerprint security key in real Chromium (virtual authenticator with user verification) after a
 * full password + one-time-code sign-in, decided by FIDO metadata the test publishes: a certified model enrols and
 * what it proved is audited and kept; a model the metadata does not list is refused, audited, and nothing is stored.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class FingerprintEnrolmentIT {

    private static final String ACTION = "hipaa-fingerprint-enrolment";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    private FingerprintBrowser browser;

    @BeforeEach
    void browser() throws Exception {
        browser = new FingerprintBrowser();
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    /** A clinician an admin asked to enrol signs in with password and one-time code and registers the key. */
    private Account clinicianRegistersAKey(String label) throws Exception {
        Account clinician = Accounts.withPasswordAndOtp(realm, "fprint");
        UserRepresentation user = realm.admin().users().get(clinician.id()).toRepresentation();
        user.setRequiredActions(List.of(ACTION));
        realm.admin().users().get(clinician.id()).update(user);
        signInFully(clinician);
        browser.registerKey(label);
        return clinician;
    }

    private static boolean refusalOf(Account clinician, AuditTrail.StoredRecord r) {
        return "fingerprint-enrolment-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && clinician.username().equals(r.at("user.name"));
    }

    private void signInFully(Account clinician) throws Exception {
        browser.driver.get(new OidcDemoApp(realm.getBaseUrl()).authorizationUrl(Pkce.create(), Map.of()));
        new SignInPage(browser.driver).signIn(clinician.username());
    }

    private List<CredentialRepresentation> securityKeys(Account clinician) {
        return realm.admin().users().get(clinician.id()).credentials().stream()
                .filter(credential -> "webauthn".equals(credential.getType())).toList();
    }

    @Test
    void aCertifiedModelEnrolsAfterAFullSignInAndWhatItProvedIsAuditedAndKept() throws Exception {
        TestFido.publishChromiumCertified();
        AuditTrail trail = AuditTrail.fromNow();
        Account clinician = clinicianRegistersAKey("Ward 4 key");
        browser.awaitUrlContaining("code=");

        assertEquals(1, securityKeys(clinician).size(), "the security key is stored");
        AuditTrail.StoredRecord enrolment = trail.single(r -> "fingerprint-enrolment".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && clinician.username().equals(r.at("user.name")));
        assertTrue(trail.records(r -> clinician.username().equals(r.at("user.name"))
                && "fingerprint-enrolment-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))).isEmpty(), "no record of the sign-in is marked as a refusal");
        assertEquals("packed", enrolment.at("unmapped.keycloak.details.attestation_format"));
        assertEquals("fingerprint", enrolment.at("unmapped.keycloak.details.user_verification"));
        assertEquals("FIDO_CERTIFIED_L1", enrolment.at("unmapped.keycloak.details.certification_status"));
        assertNotNull(enrolment.at("unmapped.keycloak.details.metadata_number"));
        Map<String, List<String>> attributes = realm.admin().users().get(clinician.id()).toRepresentation().getAttributes();
        assertTrue(attributes.keySet().stream().anyMatch(name -> name.startsWith("hipaa.fingerprint.")),
                "the enrolment facts are kept beside the credential: " + attributes.keySet());
    }

    @Test
    void anIamAdminListsAClinicianKeysWithWhatTheyProvedAndRevokesOne() throws Exception {
        TestFido.publishChromiumCertified();
        Account clinician = clinicianRegistersAKey("Ward 5 key");
        browser.awaitUrlContaining("code=");
        AuditTrail trail = AuditTrail.fromNow();
        BundleApiClient api = new BundleApiClient(realm.getBaseUrl(), BundleApi.FINGERPRINT_ADMIN, iamAdminToken());
        String keys = "users/" + clinician.id() + "/fingerprints";

        HttpResponse<String> listed = api.send("GET", keys, null);

        assertEquals(200, listed.statusCode(), listed.body());
        Map<String, Object> key = BundleApiClient.list(listed).get(0);
        assertEquals("Ward 5 key", key.get("label"));
        Map<?, ?> enrolment = (Map<?, ?>) key.get("enrolment");
        assertEquals("packed", enrolment.get("attestationFormat"), listed.body());
        assertEquals("FINGERPRINT", enrolment.get("userVerification"), listed.body());
        assertNotNull(enrolment.get("model"), listed.body());

        HttpResponse<String> revoked = api.send("DELETE", keys + "/" + key.get("id"), null);

        assertEquals(204, revoked.statusCode(), revoked.body());
        assertTrue(securityKeys(clinician).isEmpty(), "the security key is gone");
        assertTrue(realm.admin().users().get(clinician.id()).toRepresentation().getAttributes().keySet().stream()
                .noneMatch(name -> name.startsWith("hipaa.fingerprint.")), "and its enrolment facts");
        assertFalse(trail.records(r -> "DELETE".equals(r.at("unmapped.keycloak.operation_type"))
                && String.valueOf(r.at("unmapped.keycloak.resource_path")).endsWith("/fingerprints/" + key.get("id"))).isEmpty(),
                "the revocation is an admin event in the ledger");
        assertEquals(404, api.send("DELETE", keys + "/" + key.get("id"), null).statusCode(), "revoked once");
        assertEquals(403, new BundleApiClient(realm.getBaseUrl(), BundleApi.FINGERPRINT_ADMIN, clinicianToken())
                .send("GET", keys, null).statusCode(), "a clinician may not read keys");
    }

    /** The IAM admin's token from the admin tools (password and one-time code), in a browser of its own. */
    private String iamAdminToken() throws Exception {
        return adminToolsToken(DemoRealm.IAM_ADMIN);
    }

    private String clinicianToken() throws Exception {
        return adminToolsToken(DemoRealm.CLINICIAN);
    }

    private String adminToolsToken(String username) throws Exception {
        ManagedWebDriver admin = new ManagedWebDriver(new HtmlUnitWebDriverSupplier().getWebDriver());
        try (OidcDemoApp adminTools = OidcDemoApp.adminTools(realm.getBaseUrl())) {
            return Tokens.signIn(admin, adminTools, username).accessToken();
        } finally {
            admin.driver().quit();
        }
    }

    @Test
    void aModelTheMetadataDoesNotListIsRefusedAuditedAndNothingIsStored() throws Exception {
        TestFido.publishWithoutChromium();
        AuditTrail trail = AuditTrail.fromNow();
        Account clinician = clinicianRegistersAKey("Unknown key");
        browser.awaitText("not in the FIDO metadata");

        assertTrue(securityKeys(clinician).isEmpty(), "no credential is stored");
        assertFalse(trail.records(r -> refusalOf(clinician, r)).isEmpty(), "the refusal is audited");
        assertTrue(realm.admin().users().get(clinician.id()).toRepresentation().getAttributes().keySet().stream()
                .noneMatch(name -> name.startsWith("hipaa.fingerprint.")));
    }

    @Test
    void anEarlierSessionAloneCannotAddAFingerprint() throws Exception {
        TestFido.publishChromiumCertified();
        AuditTrail trail = AuditTrail.fromNow();
        Account clinician = Accounts.withPasswordAndOtp(realm, "fprint");
        signInFully(clinician);
        browser.awaitUrlContaining("code=");

        // The SSO session lets the browser through; asking for the enrolment on top of it needs a full sign-in.
        browser.driver.get(new OidcDemoApp(realm.getBaseUrl()).authorizationUrl(Pkce.create(), Map.of("kc_action", ACTION)));
        browser.awaitText("only be set up right after signing in with your password and one-time code");

        assertFalse(browser.onRegistrationPage());
        assertTrue(securityKeys(clinician).isEmpty());
        assertFalse(trail.records(r -> refusalOf(clinician, r)).isEmpty(), "the refusal is audited");
    }
}
