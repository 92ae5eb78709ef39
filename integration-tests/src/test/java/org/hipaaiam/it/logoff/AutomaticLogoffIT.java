package org.hipaaiam.it.logoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Automatic logoff (164.312(a)(2)(iii)) with the server clock moved: each workstation class locks and ends
 * sessions at its own times, the lock is lifted inside the same session by the class's factor, an ended session's
 * apps are told, and each outcome leaves exactly one record.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class AutomaticLogoffIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LogoffWard ward;

    @Test
    void clinicalSessionLocksAtFiveMinutesUnlocksWithBadgeAndPinAndEndsFifteenMinutesAfterTheUnlock() throws Exception {
        ward.registerWorkstation("ward-3-station", Map.of("class", "clinical", "location", "Ward 3 station", "network", "127.0.0.1/32"));
        Clinician nurse = ward.enrolledClinician("314159");
        HttpResponse<String> signedIn = ward.signInWithBadge(nurse.badge(), "314159");
        JWTClaimsSet first = ward.idToken(signedIn);
        Tokens tokens = Tokens.of(signedIn);

        ward.serverClockAhead(Duration.ofMinutes(4));
        tokens = tokens.refreshed(ward.app);
        assertEquals(200, ward.userInfo(tokens.accessToken()).statusCode());

        ward.serverClockAhead(Duration.ofMinutes(6));
        HttpResponse<String> userInfo = ward.userInfo(tokens.accessToken());
        assertEquals(401, userInfo.statusCode(), "an access token from before the lock is refused by userinfo, though unexpired");
        assertTrue(userInfo.body().contains("locked") || userInfo.headers().firstValue("WWW-Authenticate").orElse("").contains("locked"),
                userInfo.body() + userInfo.headers().map());
        AuditTrail locking = AuditTrail.fromNow();
        HttpResponse<String> locked = ward.app.refresh(tokens.refreshToken());
        assertEquals(400, locked.statusCode());
        assertTrue(locked.body().contains("invalid_grant") && locked.body().contains("locked"), locked.body());
        AuditTrail.StoredRecord lock = locking.single(r -> "session-locked".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        assertEquals("workstation:clinical", lock.at("unmapped.keycloak.details.session_class"));
        assertEquals("ward-3-station", lock.at("unmapped.keycloak.details.workstation_id"));

        HttpResponse<String> unlocked = ward.unlockWithBadge(nurse.badge(), "314159");
        JWTClaimsSet after = ward.idToken(unlocked);
        assertEquals(LogoffWard.sid(first), LogoffWard.sid(after), "the same session, not a new sign-in");
        assertTrue(after.getLongClaim("auth_time") > first.getLongClaim("auth_time"), "the unlock is a fresh authentication");
        locking.single(r -> "session-unlocked".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        tokens = Tokens.of(unlocked).refreshed(ward.app);

        ward.serverClockAhead(Duration.ofMinutes(6 + 16));
        AuditTrail ending = AuditTrail.fromNow();
        HttpResponse<String> ended = ward.app.refresh(tokens.refreshToken());
        assertEquals(400, ended.statusCode());
        assertTrue(ended.body().contains("ended"), ended.body());
        ward.awaitLogoutOf(LogoffWard.sid(first));
        AuditTrail.StoredRecord logoff = ending.single(LogoffWard.automaticLogoffOf(LogoffWard.sid(first)));
        assertEquals("idle", logoff.at("unmapped.keycloak.details.trigger"));
        assertEquals("ward-3-station", logoff.at("unmapped.keycloak.details.workstation_id"));
        assertEquals("workstation:clinical", logoff.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(nurse));
    }

    @Test
    void aClinicalSessionNobodyUsesAgainIsEndedByTheSweeperAndItsAppsAreTold() throws Exception {
        ward.registerWorkstation("ward-7-station", Map.of("class", "clinical", "location", "Ward 7 station", "network", "127.0.0.1/32"));
        Clinician nurse = ward.enrolledClinician("577215");
        String sid = LogoffWard.sid(ward.idToken(ward.signInWithBadge(nurse.badge(), "577215")));

        AuditTrail ending = AuditTrail.fromNow();
        ward.serverClockAhead(Duration.ofMinutes(16));
        ward.awaitLogoutOf(sid);
        AuditTrail.StoredRecord logoff = ending.single(LogoffWard.automaticLogoffOf(sid));
        assertEquals("idle", logoff.at("unmapped.keycloak.details.trigger"));
        assertEquals("workstation:clinical", logoff.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(nurse));
    }

    @Test
    void anUnclassifiedSessionNobodyUsesAgainIsEndedByTheSweeperAtItsDefaultNotAtKeycloaksSsoIdle() throws Exception {
        Clinician remote = ward.newClinician();
        Pkce pkce = ward.signInWithPassword(remote.username());
        String sid = Tokens.redeem(ward.app, pkce).id().getStringClaim("sid");

        AuditTrail ending = AuditTrail.fromNow();
        ward.serverClockAhead(Duration.ofMinutes(16)); // the realm's SSO idle is 30 minutes
        ward.awaitLogoutOf(sid);
        AuditTrail.StoredRecord logoff = ending.single(LogoffWard.automaticLogoffOf(sid));
        assertEquals("unclassified", logoff.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(remote));
    }

    @Test
    void administrativeSessionIsStillUnlockableAtSixteenMinutes() throws Exception {
        ward.registerWorkstation("billing-desk-1", Map.of("class", "administrative", "location", "Billing", "network", "127.0.0.1/32"));
        Clinician clerk = ward.enrolledClinician("271828");
        HttpResponse<String> signedIn = ward.signInWithBadge(clerk.badge(), "271828");
        JWTClaimsSet first = ward.idToken(signedIn);

        ward.serverClockAhead(Duration.ofMinutes(16));
        HttpResponse<String> locked = ward.app.refresh(Tokens.of(signedIn).refreshToken());
        assertTrue(locked.body().contains("locked"), locked.body());

        JWTClaimsSet after = ward.idToken(ward.unlockWithBadge(clerk.badge(), "271828"));
        assertEquals(LogoffWard.sid(first), LogoffWard.sid(after));
    }

    @Test
    void sessionAwayFromAnyWorkstationGetsTheStrictUnclassifiedPolicy() throws Exception {
        Clinician remote = ward.newClinician();
        Pkce pkce = ward.signInWithPassword(remote.username());
        Tokens tokens = Tokens.redeem(ward.app, pkce);

        ward.serverClockAhead(Duration.ofMinutes(6));
        assertTrue(ward.app.refresh(tokens.refreshToken()).body().contains("locked"));

        ward.serverClockAhead(Duration.ofMinutes(16));
        AuditTrail ending = AuditTrail.fromNow();
        assertTrue(ward.app.refresh(tokens.refreshToken()).body().contains("ended"));
        AuditTrail.StoredRecord logoff = ending.single(LogoffWard.automaticLogoffOf(tokens.id().getStringClaim("sid")));
        assertEquals("unclassified", logoff.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(remote));
    }

    @Test
    void patientPortalSessionNeverLocksAndEndsAtFifteenMinutes() throws Exception {
        OidcDemoApp portal = ward.portal();
        Clinician patient = ward.newClinician();
        Pkce pkce = Pkce.create();
        SignInPage.openFresh(ward.browser(), realm.getBaseUrl(), portal.authorizationUrl(pkce, Map.of()));
        ward.signInPage().signIn(patient.username());
        Tokens tokens = Tokens.of(portal.redeem(ward.app.next().params().get("code"), pkce.verifier()));

        ward.serverClockAhead(Duration.ofMinutes(10));
        tokens = tokens.refreshed(portal);

        ward.serverClockAhead(Duration.ofMinutes(16));
        HttpResponse<String> ended = portal.refresh(tokens.refreshToken());
        assertTrue(ended.body().contains("ended"), ended.body());
    }

    @Test
    void offlineTokensAreRefusedAtASharedWorkstation() throws Exception {
        ward.registerWorkstation("ward-4-station", Map.of("class", "clinical", "location", "Ward 4 station", "network", "127.0.0.1/32"));
        Clinician nurse = ward.enrolledClinician("161803");
        AuditTrail trail = AuditTrail.fromNow();
        SignInPage.openFresh(ward.browser(), realm.getBaseUrl(), ward.app.authorizationUrl(Pkce.create(), Map.of("scope", "openid offline_access")));
        ward.tapPage().tap(nurse.badge());
        ward.pinPage().enterPin("161803");

        assertTrue(ward.browser().driver().getPageSource().contains("Offline access is not allowed"));
        AuditTrail.StoredRecord refused = trail.single(r -> "offline-token-refused".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        assertEquals("workstation:clinical", refused.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(nurse));
    }
}
