package org.hipaaiam.it.logoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.BundleApiClient;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** The session status an app asks, and the user activity its idle-lock script reports, with the server clock moved. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class SessionStatusIT {

    private static final String APP_ORIGIN = "http://localhost:8081";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LogoffWard ward;

    @Test
    void reportedActivityKeepsTheSessionActiveAndTheStatusTellsWhenItLocks() throws Exception {
        ward.registerWorkstation("ward-6-station", Map.of("class", "clinical", "location", "Ward 6 station", "network", "127.0.0.1/32"));
        Clinician nurse = ward.enrolledClinician("357111");
        Tokens tokens = Tokens.of(ward.signInWithBadge(nurse.badge(), "357111"));

        HttpResponse<String> answer = ward.sessionStatus("GET", "status", tokens.accessToken(), APP_ORIGIN);
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(APP_ORIGIN, answer.headers().firstValue("Access-Control-Allow-Origin").orElse(null), "readable by the app's page");
        Map<String, Object> status = BundleApiClient.body(answer);
        assertEquals("active", status.get("state"));
        assertEquals("workstation:clinical", status.get("sessionClass"));
        assertEquals(((Number) status.get("activeAt")).longValue() + 300, ((Number) status.get("lockAt")).longValue());
        assertEquals(((Number) status.get("activeAt")).longValue() + 900, ((Number) status.get("endAt")).longValue());

        ward.serverClockAhead(Duration.ofMinutes(4));
        Map<String, Object> afterActivity = BundleApiClient.body(ward.sessionStatus("POST", "activity", tokens.accessToken(), APP_ORIGIN));
        assertEquals(afterActivity.get("now"), afterActivity.get("activeAt"), "the activity counts from now");

        ward.serverClockAhead(Duration.ofMinutes(8));
        tokens = tokens.refreshed(ward.app);
        assertEquals("active", BundleApiClient.body(ward.sessionStatus("GET", "status", tokens.accessToken(), APP_ORIGIN)).get("state"),
                "8 min after sign-in, 4 after the last activity: still active");

        ward.serverClockAhead(Duration.ofMinutes(10));
        Map<String, Object> locked = BundleApiClient.body(ward.sessionStatus("POST", "activity", tokens.accessToken(), APP_ORIGIN));
        assertEquals("locked", locked.get("state"), "activity after the lock time does not revive the session");
        assertEquals("locked", BundleApiClient.body(ward.sessionStatus("GET", "status", tokens.accessToken(), APP_ORIGIN)).get("state"));
    }

    @Test
    void withoutAValidTokenNothingIsToldAndTheAttemptIsAudited() throws Exception {
        AuditTrail trail = AuditTrail.fromNow();
        assertEquals(401, ward.sessionStatus("GET", "status", null, APP_ORIGIN).statusCode());
        assertEquals(401, ward.sessionStatus("POST", "activity", "not-a-token", APP_ORIGIN).statusCode());
        assertEquals(2, trail.records(r -> "api-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && "hipaa-session".equals(r.at("unmapped.keycloak.details.api"))).size());
    }

    @Test
    void theIdleLockScriptIsServedAsAModule() throws Exception {
        HttpResponse<String> script = ward.sessionStatus("GET", "idle-lock.js", null, APP_ORIGIN);
        assertEquals(200, script.statusCode());
        assertTrue(script.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(script.body().contains("export function start("));
    }
}
