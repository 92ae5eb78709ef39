package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.BadgePinPage;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Badge + PIN at a registered clinical workstation (this test's browser, 127.0.0.1): the demo app gets tokens
 * whose amr is honestly `pwd` only; wrong PINs lock; unknown and revoked badges get the same generic error.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgeSignInIT {

    static final String GENERIC_ERROR = "Badge or PIN not accepted. Try again, or sign in with password and one-time code.";
    static final String WORKSTATION = "ed-bay-01";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    private BadgeAdminApi admin;

    @BeforeEach
    void registerWorkstation() throws Exception {
        admin = ward.asIamAdmin();
        HttpResponse<String> registered = ward.registerWorkstation(WORKSTATION,
                Map.of("class", "clinical", "location", "Emergency department, bay 1", "network", "127.0.0.1/32"));
        assertEquals(200, registered.statusCode(), registered.body());
    }

    @Test
    void tapAndPinGiveTheAppTokensWithPwdAndTheWorkstationIsRecorded() throws Exception {
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "402917");
        AuditTrail trail = AuditTrail.fromNow();

        JWTClaimsSet idToken = ward.idToken(ward.signInWithBadge(nurse.badge(), "402917"));

        assertEquals(nurse.username(), idToken.getStringClaim("preferred_username"));
        assertEquals(List.of("pwd"), idToken.getStringListClaim("amr"), "a badge number plus a server-checked PIN is pwd only");
        assertEquals("http://idmanagement.gov/ns/assurance/aal/1", idToken.getStringClaim("acr"), "badge + PIN is one factor: AAL1");
        AuditTrail.StoredRecord logon = trail.single(r -> "LOGIN".equals(r.at("unmapped.keycloak.type"))
                && nurse.username().equals(r.at("user.name")));
        assertEquals(WORKSTATION, logon.at("device.uid"), "the session records the workstation it started on");
        assertEquals("badge-sign-in", logon.at("unmapped.keycloak.details.hipaa_event"));
        assertEquals(List.of("pwd"), logon.at("unmapped.keycloak.amr"));
    }

    @Test
    void wrongPinsLockThePinAndCountInBruteForceProtection() throws Exception {
        ward.setRealmAttribute("hipaa.pin.maxFailures", "3");
        ward.allowQuickRetries();
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "583016");

        ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        for (String wrong : List.of("111222", "333444", "555666")) {
            ward.pinPage().enterPin(wrong);
            assertEquals(GENERIC_ERROR, ward.pinPage().error());
        }
        ward.pinPage().enterPin("583016");
        assertTrue(ward.pinPage().isShown(), "the right PIN no longer signs in");
        assertEquals(GENERIC_ERROR, ward.pinPage().error(), "the lock is not revealed at the workstation");

        Map<String, Object> status = BadgeAdminApi.body(admin.badgeStatus(nurse.id()));
        assertEquals(Boolean.TRUE, status.get("pinLocked"), status.toString());
        Map<String, Object> bruteForce = realm.admin().attackDetection().bruteForceUserStatus(nurse.id());
        assertTrue(((Number) bruteForce.get("numFailures")).intValue() >= 3, bruteForce.toString());

        assertEquals(200, admin.resetPin(nurse.id()).statusCode());
        Map<String, Object> reset = BadgeAdminApi.body(admin.badgeStatus(nurse.id()));
        assertEquals(Boolean.FALSE, reset.get("pinSet"), reset.toString());
        assertEquals(Boolean.FALSE, reset.get("pinLocked"), reset.toString());
        assertTrue(realm.admin().users().get(nurse.id()).toRepresentation().getRequiredActions().contains(BadgeWard.ENROLMENT),
                "a reset asks the user to set a new PIN after a full sign-in");
    }

    @Test
    void wrongPinsSentAtTheSameMomentAreEachCounted() throws Exception {
        ward.setRealmAttribute("hipaa.pin.maxFailures", "4");
        ward.withoutBruteForceProtection();
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "604729");
        List<BadgePinPage> screens = ward.pinPagesAfterTapping(nurse.badge(), 4);

        CyclicBarrier together = new CyclicBarrier(screens.size());
        List<Thread> attempts = screens.stream().map(screen -> new Thread(() -> {
            try {
                together.await();
                screen.enterPin("111333");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList();
        attempts.forEach(Thread::start);
        for (Thread attempt : attempts) {
            attempt.join(60_000);
        }

        for (BadgePinPage screen : screens) {
            assertEquals(GENERIC_ERROR, screen.error());
        }
        Map<String, Object> status = BadgeAdminApi.body(admin.badgeStatus(nurse.id()));
        assertEquals(Boolean.TRUE, status.get("pinLocked"), "four wrong PINs at once are four failures: " + status);
    }

    @Test
    void unknownAndRevokedBadgesGetTheSameErrorAsAWrongPin() throws Exception {
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "720594");

        ward.openSignIn();
        ward.tapPage().tap("9999999");
        assertTrue(ward.pinPage().isShown(), "an unknown badge still asks for a PIN");
        ward.pinPage().enterPin("720594");
        assertEquals(GENERIC_ERROR, ward.pinPage().error());

        HttpResponse<String> revoked = admin.revokeBadge(nurse.id());
        assertEquals(200, revoked.statusCode(), revoked.body());
        ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        ward.pinPage().enterPin("720594");
        assertEquals(GENERIC_ERROR, ward.pinPage().error(), "a revoked badge is refused like any other");

        HttpResponse<String> again = admin.assignBadge(nurse.id(), nurse.badge());
        assertEquals(409, again.statusCode(), "a revoked badge is never assigned again: " + again.body());
    }

    @Test
    void disabledUsersBadgeGetsTheGenericError() throws Exception {
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "391846");
        var user = realm.admin().users().get(nurse.id()).toRepresentation();
        user.setEnabled(false);
        realm.admin().users().get(nurse.id()).update(user);

        ward.openSignIn();
        ward.tapPage().tap(nurse.badge());
        ward.pinPage().enterPin("391846");
        assertEquals(GENERIC_ERROR, ward.pinPage().error());
        assertFalse(ward.pinPage().error().toLowerCase().contains("disabled"));
    }
}
