package org.hipaaiam.it.biometric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import com.onelogin.saml2.authn.SamlResponse;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.BadgeEnrolmentPage;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.PacsViewer;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.TestFido;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Tap + fingerprint at a workstation in real Chromium (virtual security key with user verification), decided by the
 * FIDO metadata the test publishes: the tokens say honestly what was proven (`amr`, `acr`), the PIN is always one
 * button away and takes over when the fingerprint cannot be used, every attempt is audited, the SAML assertion
 * says what the OIDC tokens say, and a locked cart session is unlocked by the fingerprint inside the same session.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class FingerprintSignInIT {

    private static final String AAL1 = "http://idmanagement.gov/ns/assurance/aal/1";
    private static final String AAL2 = "http://idmanagement.gov/ns/assurance/aal/2";
    private static final String PIN = "602214";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    FingerprintWard ward;

    private Clinician enrolledAtAWorkstation(String workstation, String workstationClass) throws Exception {
        TestFido.publishChromiumCertified();
        ward.registerWorkstation(workstation, Map.of("class", workstationClass, "location", workstation, "network", "127.0.0.1/32"));
        return ward.enrolledWithKey(PIN);
    }

    private static Predicate<AuditTrail.StoredRecord> fingerprintFailureOf(Clinician nurse) {
        return r -> "fingerprint-sign-in-failed".equals(r.at("unmapped.keycloak.details.hipaa_event")) && nurse.username().equals(r.at("user.name"));
    }

    @Test
    void tapAndFingerprintProveTheFingerAndTheKeyAtAal2() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("ward-9-station", "clinical");
        AuditTrail trail = AuditTrail.fromNow();

        JWTClaimsSet id = ward.idToken(ward.signInWithFingerprint(nurse.badge()));

        assertEquals(nurse.username(), id.getStringClaim("preferred_username"));
        List<String> amr = id.getStringListClaim("amr");
        assertTrue(amr.containsAll(List.of("fpt", "hwk")), "a certified fingerprint-only model: " + amr);
        assertFalse(amr.contains("pwd") || amr.contains("user"), "no PIN, no weaker claim: " + amr);
        assertEquals(AAL2, id.getStringClaim("acr"), "a WebAuthn key with user verification is a multi-factor authenticator");
        AuditTrail.StoredRecord login = trail.single(r -> "LOGIN".equals(r.at("unmapped.keycloak.type")) && nurse.username().equals(r.at("user.name")));
        assertEquals("fingerprint", login.at("unmapped.keycloak.details.factor"));
        assertEquals("Test key 01020304", login.at("unmapped.keycloak.details.authenticator_model"));
        assertEquals("fingerprint", login.at("unmapped.keycloak.details.user_verification"));
        assertEquals("ward-9-station", login.at("unmapped.keycloak.details.workstation_id"));
        assertTrue(trail.records(fingerprintFailureOf(nurse)).isEmpty());
    }

    @Test
    void theViewersSamlAssertionCarriesTheLevelAndTheMethodsOfATapAndFingerprint() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("radiology-1", "clinical");
        SignInPage.forgetSessions(ward.browser(), realm.getBaseUrl());

        String samlResponse;
        try (PacsViewer viewer = PacsViewer.listen()) {
            viewer.open(ward.browser(), realm.getBaseUrl());
            ward.tapPage().tap(nurse.badge());
            samlResponse = viewer.next().params().get("SAMLResponse");
        }

        SamlResponse assertion = PacsViewer.verify(realm.getBaseUrl(), samlResponse, false);
        assertTrue(assertion.isValid(), String.valueOf(assertion.getError()));
        // read from the verified XML: the parser's attribute map refuses the several Role attributes Keycloak writes
        String xml = assertion.getSAMLResponseXml();
        Matcher classRef = Pattern.compile("AuthnContextClassRef>([^<]+)<").matcher(xml);
        assertTrue(classRef.find(), xml);
        assertEquals(AAL2, classRef.group(1), "the signed assertion's AuthnContextClassRef names the level, as acr does");
        Matcher amr = Pattern.compile("Name=\"urn:hipaaiam:amr\"[^>]*>(.*?)</saml:Attribute>", Pattern.DOTALL).matcher(xml);
        assertTrue(amr.find(), xml);
        assertTrue(amr.group(1).contains(">fpt<") && amr.group(1).contains(">hwk<"), amr.group(1));
    }

    @Test
    void aModelThatAlsoTakesItsOwnPinProvesAUserVerificationNotAFinger() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("ward-10-station", "clinical");
        TestFido.publishChromiumFingerprintOrPin();

        List<String> amr = ward.idToken(ward.signInWithFingerprint(nurse.badge())).getStringListClaim("amr");

        assertTrue(amr.containsAll(List.of("hwk", "user")), amr.toString());
        assertFalse(amr.contains("fpt"), "the server cannot tell the finger from the key's own PIN: " + amr);
    }

    @Test
    void fiveFailedFingerprintsLeaveThePinWhichStillSignsInAtAal1UntilTheDelayIsOver() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("ward-11-station", "clinical");
        AuditTrail trail = AuditTrail.fromNow();
        ward.chromium.key.setUserVerified(false);

        Pkce pkce = ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        ward.chromium.awaitText("not accepted");
        for (int failure = 2; failure <= 5; failure++) {
            ward.tryFingerprintAgain();
            ward.chromium.awaitText(failure < 5 ? "not accepted" : "Too many fingerprint attempts");
        }
        assertFalse(ward.fingerprintOffered(), "after five failures only the PIN is offered");
        ward.usePin();
        ward.awaitPinPage();
        ward.pinPage().enterPin(PIN);
        JWTClaimsSet id = ward.idToken(ward.app.redeem(ward.app.next().params().get("code"), pkce.verifier()));

        assertEquals(List.of("pwd"), id.getStringListClaim("amr"), "the PIN, a memorised secret");
        assertEquals(AAL1, id.getStringClaim("acr"), "badge + PIN is one factor");
        List<AuditTrail.StoredRecord> failures = trail.records(fingerprintFailureOf(nurse));
        assertEquals(5, failures.size(), "every attempt is audited");
        assertEquals("5", failures.get(4).at("unmapped.keycloak.details.consecutive_failures"));
        assertEquals("not_allowed", failures.get(0).at("unmapped.keycloak.details.reason"));

        ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        ward.awaitPinPage(); // within the delay the tap goes straight to the PIN

        ward.serverClockAhead(Duration.ofSeconds(31));
        ward.chromium.key.setUserVerified(true);
        assertTrue(ward.idToken(ward.signInWithFingerprint(nurse.badge())).getStringListClaim("amr").contains("fpt"),
                "after the delay the fingerprint is offered again");
    }

    @Test
    void aModelRevokedSinceEnrolmentIsRefusedAtSignInAndThePinTakesOver() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("ward-12-station", "clinical");
        TestFido.publishChromiumRevoked();
        AuditTrail trail = AuditTrail.fromNow();

        Pkce pkce = ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        ward.chromium.awaitText("no longer accepted");
        assertFalse(ward.fingerprintOffered());
        ward.usePin();
        ward.awaitPinPage();
        ward.pinPage().enterPin(PIN);

        assertEquals(List.of("pwd"), ward.idToken(ward.app.redeem(ward.app.next().params().get("code"), pkce.verifier())).getStringListClaim("amr"));
        AuditTrail.StoredRecord refused = trail.single(fingerprintFailureOf(nurse));
        assertTrue(String.valueOf(refused.at("unmapped.keycloak.details.reason")).startsWith("model_refused"), refused.text());
    }

    @Test
    void aKeyRegisteredOutsideTheBundlesEnrolmentIsNeverAskedFor() throws Exception {
        TestFido.publishChromiumCertified();
        ward.registerWorkstation("ward-13-station", Map.of("class", "clinical", "location", "Ward 13", "network", "127.0.0.1/32"));
        Clinician nurse = ward.newClinician();
        // Keycloak's own security-key registration: no attestation checked, no enrolment facts kept
        ward.requireActions(nurse, List.of("hipaa-badge-enrolment", "webauthn-register"));
        Pkce pkce = ward.signInWithPassword(nurse.username());
        BadgeEnrolmentPage badgePage = new BadgeEnrolmentPage(ward.chromium.driver);
        ward.chromium.await(() -> ward.chromium.onRegistrationPage() || badgePage.isShown());
        if (badgePage.isShown()) {
            badgePage.enrol(nurse.badge(), PIN, PIN);
            ward.chromium.await(ward.chromium::onRegistrationPage);
            ward.chromium.registerKey("Stock key");
        } else {
            ward.chromium.registerKey("Stock key");
            ward.chromium.await(badgePage::isShown);
            badgePage.enrol(nurse.badge(), PIN, PIN);
        }
        Tokens.redeem(ward.app, pkce);
        realm.admin().users().get(nurse.id()).logout();
        assertEquals(1, ward.chromium.key.getCredentials().size(), "the key holds the stock credential");

        ward.openSignIn();
        ward.tapPage().tap(nurse.badge());

        ward.awaitPinPage(); // the fingerprint step asks only for keys enrolled through the bundle
        assertFalse(ward.onFingerprintPage());
    }

    @Test
    void aLockedCartSessionIsUnlockedByTapAndFingerprintInsideTheSameSession() throws Exception {
        Clinician nurse = enrolledAtAWorkstation("cart-5", "mobile-cart");
        HttpResponse<String> signedIn = ward.signInWithFingerprint(nurse.badge());
        JWTClaimsSet first = ward.idToken(signedIn);

        ward.serverClockAhead(Duration.ofMinutes(3));
        HttpResponse<String> locked = ward.app.refresh(Tokens.of(signedIn).refreshToken());
        assertTrue(locked.statusCode() == 400 && locked.body().contains("locked"), "a cart locks after 2 minutes: " + locked.body());
        AuditTrail unlocking = AuditTrail.fromNow();

        JWTClaimsSet after = ward.idToken(ward.unlockWithFingerprint(nurse.badge()));

        assertEquals(first.getStringClaim("sid"), after.getStringClaim("sid"), "the same session, not a new sign-in");
        assertTrue(after.getLongClaim("auth_time") > first.getLongClaim("auth_time"));
        assertTrue(after.getStringListClaim("amr").contains("fpt"));
        unlocking.single(r -> "session-unlocked".equals(r.at("unmapped.keycloak.details.hipaa_event")));
    }
}
