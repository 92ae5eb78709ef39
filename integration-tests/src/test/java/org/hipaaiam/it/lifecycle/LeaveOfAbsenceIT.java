package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** HR suspends an account for a leave of absence (now or later) and restores it on return; a separation wins. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class LeaveOfAbsenceIT {

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @InjectTimeOffSet
    TimeOffSet timeOffSet;

    private ClinicalAppOnTestPort app;
    private HrFeed hr;

    @BeforeEach
    void startTheAppAndTheFeed() throws Exception {
        app = ClinicalAppOnTestPort.start(realm);
        hr = new HrFeed(realm.getBaseUrl());
    }

    @AfterEach
    void stopTheApp() {
        app.close();
    }

    @Test
    void suspensionEndsSessionsAndTheReturnRestoresTheAccount() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "tnguyen7310");
        String userId = user("tnguyen7310").getId();

        HrFeed.Answer suspended = hr.sendLeave(hrToken(), leave("loa-7310-start", "7310", "suspend", ""));

        assertEquals(200, suspended.status(), suspended.json().toString());
        assertEquals("suspended", suspended.json().get("status"));
        Map<?, ?> result = (Map<?, ?>) ((List<?>) suspended.json().get("accounts")).get(0);
        assertEquals(1, result.get("onlineSessionsEnded"));
        assertEquals(1, result.get("offlineSessionsEnded"));
        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertFalse(user("tnguyen7310").isEnabled());
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = AuditTrail.single(r -> after(r, start) && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("hr-leave", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("loa-7310-start", revoked.at("unmapped.keycloak.details.hr_event_id"));

        HrFeed.assertRefused("replayed_event", 409, hr.sendLeave(hrToken(), leave("loa-7310-start", "7310", "suspend", "")));

        HrFeed.Answer restored = hr.sendLeave(hrToken(), leave("loa-7310-return", "7310", "restore", ""));

        assertEquals(200, restored.status(), restored.json().toString());
        assertEquals("restored", restored.json().get("status"));
        assertTrue(user("tnguyen7310").isEnabled());
        StoredRecord returned = AuditTrail.single(r -> after(r, start) && "leave-ended".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && userId.equals(r.at("user.uid")));
        assertEquals("loa-7310-return", returned.at("unmapped.keycloak.details.hr_event_id"));
        HrFeed.assertRefused("not_on_leave", 409, hr.sendLeave(hrToken(), leave("loa-7310-again", "7310", "restore", "")));
    }

    @Test
    void scheduledLeaveStartsAndEndsOnTimeWithTheServerClockMoved() throws Exception {
        long start = System.currentTimeMillis();
        app.signIn(browser, "mbrown5532");
        String userId = user("mbrown5532").getId();
        Instant now = Instant.now();
        // The leave starts within the realm's 15-minute SSO idle timeout, so the session is still alive to be ended.
        String dates = ", \"startsAt\": \"" + now.plus(Duration.ofMinutes(10)) + "\", \"endsAt\": \"" + now.plus(Duration.ofDays(10)) + "\"";

        HrFeed.Answer scheduled = hr.sendLeave(hrToken(), leave("loa-5532", "5532", "suspend", dates));

        assertEquals(200, scheduled.status(), scheduled.json().toString());
        assertEquals("scheduled", scheduled.json().get("status"));
        assertTrue(user("mbrown5532").isEnabled(), "enabled until the leave starts");

        timeOffSet.set(Duration.ofMinutes(10).plusSeconds(30));
        assertEquals(userId, app.nextLogoutToken().get("sub"), "the scheduler suspends the account when the leave starts");
        awaitEnabled("mbrown5532", false);
        assertEquals("hr-leave-scheduled", AuditTrail.single(r -> after(r, start) && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type"))
                && userId.equals(r.at("user.uid"))).at("unmapped.keycloak.details.revocation_trigger"));

        timeOffSet.set(Duration.ofDays(10).plusMinutes(1));
        awaitEnabled("mbrown5532", true);
        assertEquals("hr-leave-scheduled", AuditTrail.single(r -> after(r, start) && "leave-ended".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && userId.equals(r.at("user.uid"))).at("unmapped.keycloak.details.source"));
    }

    @Test
    void aSeparationDuringLeaveWins() throws Exception {
        String token = hrToken();
        String dates = ", \"endsAt\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\"";
        assertEquals(200, hr.sendLeave(token, leave("loa-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER, "suspend", dates)).status());
        assertEquals(200, hr.sendSigned(token, HrFeed.separation("sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER)).status());

        HrFeed.assertRefused("account_separated", 409, hr.sendLeave(token, leave("loa-4821-return", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER, "restore", "")));
        timeOffSet.set(Duration.ofDays(3));
        Thread.sleep(5_000); // the due-check runs every 2 s; the leave's end must not bring the account back
        assertFalse(user(DemoRealm.CLINICIAN).isEnabled(), "the leave's end does not restore a separated account");
        assertFalse(user("adm-jsmith4821").isEnabled());
    }

    @Test
    void badLeaveRequestsAreRefusedAndChangeNothing() throws Exception {
        String token = hrToken();
        HrFeed.assertRefused("unauthenticated", 401, hr.sendLeave(null, leave("loa-bad-1", "7310", "suspend", "")));
        HrFeed.assertRefused("malformed_request", 400, hr.sendLeave(token, leave("loa-bad-2", "7310", "pause", "")));
        HrFeed.assertRefused("malformed_request", 400, hr.sendLeave(token, leave("loa-bad-3", "7310", "suspend", ", \"endsAt\": \"yesterday\"")));
        HrFeed.assertRefused("unknown_employee", 404, hr.sendLeave(token, leave("loa-bad-4", "99990000", "suspend", "")));
        HrFeed.assertRefused("invalid_signature", 401, hr.send(token, leave("loa-bad-5", "7310", "suspend", ""), "wrong-secret",
                System.currentTimeMillis() / 1000));
        assertTrue(user("tnguyen7310").isEnabled(), "nothing changed");
    }

    private static String leave(String eventId, String employeeNumber, String action, String extra) {
        return "{\"eventId\": \"" + eventId + "\", \"employeeNumber\": \"" + employeeNumber + "\", \"action\": \"" + action + "\"" + extra + "}";
    }

    private void awaitEnabled(String username, boolean enabled) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (user(username).isEnabled() != enabled && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(enabled, user(username).isEnabled(), username + " enabled");
    }

    private String hrToken() throws Exception {
        return ServiceAccount.hrFeedToken(realm.getBaseUrl());
    }

    private UserRepresentation user(String username) {
        return realm.admin().users().search(username, true).get(0);
    }

    private static boolean after(StoredRecord record, long start) {
        return record.at("time") instanceof Number time && time.longValue() >= start;
    }
}
