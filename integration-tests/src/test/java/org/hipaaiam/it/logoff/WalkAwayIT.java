package org.hipaaiam.it.logoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.Tokens;
import org.hipaaiam.testfixtures.ReaderAgent;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Walk-away: the reader agent's signed `badge-left` message locks (clinical) or ends (kiosk) the session of the
 * workstation it names; everything else sent there is refused, audited and changes nothing.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class WalkAwayIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LogoffWard ward;

    @Test
    void theUsersOwnBadgeLeavingLocksHerSessionWhileForgeriesReplaysAndPassersByChangeNothing() throws Exception {
        ReaderAgent agent = new ReaderAgent("ward-5-station");
        ward.registerWorkstation("ward-5-station", Map.of("class", "clinical", "location", "Ward 5 station", "network", "127.0.0.1/32",
                "publicKey", agent.publicKeyPem()));
        Clinician nurse = ward.enrolledClinician("112358");
        Clinician passerBy = ward.enrolledClinician("132134");
        Tokens tokens = Tokens.of(ward.signInWithBadge(nurse.badge(), "112358"));

        AuditTrail trail = AuditTrail.fromNow();
        assertRefused(400, "wrong_kind", ward.walkAway(agent.tap(DemoRealm.NAME, nurse.badge())));
        assertRefused(403, "not_current_user", ward.walkAway(agent.leave(DemoRealm.NAME, passerBy.badge())));
        assertRefused(401, "unknown_workstation", ward.walkAway(new ReaderAgent("broom-cupboard").leave(DemoRealm.NAME, nurse.badge())));
        assertRefused(401, "bad_signature", ward.walkAway(forged(agent.leave(DemoRealm.NAME, nurse.badge()))));
        assertRefused(401, "wrong_audience", ward.walkAway(agent.leave("another-realm", nurse.badge())));
        assertRefused(400, "malformed", ward.walkAway("{\"badge\": \"" + nurse.badge() + "\"}"));
        assertRefused(400, "at most", ward.walkAway("x".repeat(9000)));
        assertEquals(7, trail.records(r -> "api-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))).size());
        tokens = tokens.refreshed(ward.app);

        String leave = agent.leave(DemoRealm.NAME, nurse.badge());
        HttpResponse<String> locked = ward.walkAway(leave);
        assertEquals(200, locked.statusCode(), locked.body());
        assertTrue(locked.body().contains("\"locked\""), locked.body());
        assertRefused(409, "already used", ward.walkAway(leave));

        assertTrue(ward.app.refresh(tokens.refreshToken()).body().contains("locked"), "the session is locked at once");
        AuditTrail.StoredRecord lock = trail.single(r -> "session-locked".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        assertEquals("walk-away", lock.at("unmapped.keycloak.details.trigger"));
        assertEquals("ward-5-station", lock.at("unmapped.keycloak.details.workstation_id"));
        assertEquals(nurse.username(), lock.at("user.name"));
    }

    @Test
    void aBadgeLeavingAKioskEndsTheSessionAndTellsTheApps() throws Exception {
        ReaderAgent agent = new ReaderAgent("lobby-kiosk");
        ward.registerWorkstation("lobby-kiosk", Map.of("class", "kiosk", "location", "Lobby", "network", "127.0.0.1/32",
                "publicKey", agent.publicKeyPem()));
        Clinician clerk = ward.enrolledClinician("246810");
        Tokens tokens = Tokens.of(ward.signInWithBadge(clerk.badge(), "246810"));
        String sid = tokens.id().getStringClaim("sid");

        AuditTrail trail = AuditTrail.fromNow();
        HttpResponse<String> ended = ward.walkAway(agent.leave(DemoRealm.NAME, clerk.badge()));
        assertEquals(200, ended.statusCode(), ended.body());
        assertTrue(ended.body().contains("\"ended\""), ended.body());
        ward.awaitLogoutOf(sid);
        AuditTrail.StoredRecord logoff = trail.single(LogoffWard.automaticLogoffOf(sid));
        assertEquals("walk-away", logoff.at("unmapped.keycloak.details.trigger"));
        assertEquals("workstation:kiosk", logoff.at("unmapped.keycloak.details.session_class"));
        assertEquals(0, ward.sessionsOf(clerk));
        assertEquals(400, ward.app.refresh(tokens.refreshToken()).statusCode());
    }

    private static void assertRefused(int status, String reason, HttpResponse<String> answer) {
        assertEquals(status, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains(reason), answer.body());
    }

    /** The same message with its signature's first byte changed. */
    private static String forged(String message) {
        int signature = message.lastIndexOf('.') + 1;
        char first = message.charAt(signature);
        return message.substring(0, signature) + (first == 'A' ? 'B' : 'A') + message.substring(signature + 1);
    }
}
