package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Badge + PIN at a registered clinical workstation (this test's browser, 127.0.0.1): the demo app gets tokens
 * whose amr is honestly `pwd` only; wrong PINs lock; unknown and revoked badges get the same generic error.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgeSignInIT extends BadgeWardTest {

    static final String GENERIC_ERROR = "Badge or PIN not accepted. Try again, or sign in with password and one-time code.";
    static final String WORKSTATION = "ed-bay-01";

    private BadgeAdminApi admin;

    @BeforeEach
    void registerWorkstation() throws Exception {
        admin = ward.asIamAdmin();
        HttpResponse<String> registered = admin.putWorkstation(WORKSTATION,
                Map.of("class", "clinical", "location", "Emergency department, bay 1", "network", "127.0.0.1/32"));
        assertEquals(200, registered.statusCode(), registered.body());
    }

    @Test
    void tapAndPinGiveTheAppTokensWithPwdAndTheWorkstationIsRecorded() throws Exception {
        ward.createClinician("abadge6101", "6101");
        ward.enrol("abadge6101", "0006101", "402917");
        long start = System.currentTimeMillis();

        JWTClaimsSet idToken = ward.idToken(ward.signInWithBadge("0006101", "402917"));

        assertEquals("abadge6101", idToken.getStringClaim("preferred_username"));
        assertEquals(List.of("pwd"), idToken.getStringListClaim("amr"), "a badge number plus a server-checked PIN is pwd only");
        assertEquals("1", idToken.getStringClaim("acr"), "a fresh sign-in at the realm's basic level");
        AuditTrail.StoredRecord logon = AuditTrail.single(r -> r.at("time") instanceof Number time && time.longValue() >= start
                && "LOGIN".equals(r.at("unmapped.keycloak.type")) && "abadge6101".equals(r.at("user.name")));
        assertEquals(WORKSTATION, logon.at("device.uid"), "the session records the workstation it started on");
        assertEquals("badge-sign-in", logon.at("unmapped.keycloak.details.hipaa_event"));
        assertEquals(List.of("pwd"), logon.at("unmapped.keycloak.amr"));
    }

    @Test
    void wrongPinsLockThePinAndCountInBruteForceProtection() throws Exception {
        ward.setRealmAttribute("hipaa.pin.maxFailures", "3");
        ward.allowQuickRetries();
        String userId = ward.createClinician("bbadge6102", "6102");
        ward.enrol("bbadge6102", "0006102", "583016");

        ward.openSignIn();
        BadgePages pages = ward.pages();
        pages.tap("0006102");
        for (String wrong : List.of("111222", "333444", "555666")) {
            pages.enterPin(wrong);
            assertEquals(GENERIC_ERROR, pages.error());
        }
        pages.enterPin("583016");
        assertTrue(pages.showsPinPage(), "the right PIN no longer signs in");
        assertEquals(GENERIC_ERROR, pages.error(), "the lock is not revealed at the workstation");

        Map<String, Object> status = BadgeAdminApi.body(admin.badgeStatus(userId));
        assertEquals(Boolean.TRUE, status.get("pinLocked"), status.toString());
        Map<String, Object> bruteForce = realm.admin().attackDetection().bruteForceUserStatus(userId);
        assertTrue(((Number) bruteForce.get("numFailures")).intValue() >= 3, bruteForce.toString());

        assertEquals(200, admin.resetPin(userId).statusCode());
        Map<String, Object> reset = BadgeAdminApi.body(admin.badgeStatus(userId));
        assertEquals(Boolean.FALSE, reset.get("pinSet"), reset.toString());
        assertEquals(Boolean.FALSE, reset.get("pinLocked"), reset.toString());
        assertTrue(realm.admin().users().get(userId).toRepresentation().getRequiredActions().contains(BadgeWard.ENROLMENT),
                "a reset asks the user to set a new PIN after a full sign-in");
    }

    @Test
    void unknownAndRevokedBadgesGetTheSameErrorAsAWrongPin() throws Exception {
        String userId = ward.createClinician("cbadge6103", "6103");
        ward.enrol("cbadge6103", "0006103", "720594");

        ward.openSignIn();
        ward.pages().tap("9999999");
        assertTrue(ward.pages().showsPinPage(), "an unknown badge still asks for a PIN");
        ward.pages().enterPin("720594");
        assertEquals(GENERIC_ERROR, ward.pages().error());

        HttpResponse<String> revoked = admin.revokeBadge(userId);
        assertEquals(200, revoked.statusCode(), revoked.body());
        ward.openSignIn();
        ward.pages().tap("0006103");
        ward.pages().enterPin("720594");
        assertEquals(GENERIC_ERROR, ward.pages().error(), "a revoked badge is refused like any other");

        HttpResponse<String> again = admin.assignBadge(userId, "0006103");
        assertEquals(409, again.statusCode(), "a revoked badge is never assigned again: " + again.body());
    }

    @Test
    void disabledUsersBadgeGetsTheGenericError() throws Exception {
        String userId = ward.createClinician("dbadge6104", "6104");
        ward.enrol("dbadge6104", "0006104", "391846");
        var user = realm.admin().users().get(userId).toRepresentation();
        user.setEnabled(false);
        realm.admin().users().get(userId).update(user);

        ward.openSignIn();
        ward.pages().tap("0006104");
        ward.pages().enterPin("391846");
        assertEquals(GENERIC_ERROR, ward.pages().error());
        assertFalse(ward.pages().error().toLowerCase().contains("disabled"));
    }
}
