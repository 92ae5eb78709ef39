package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** HR suspends an account for a leave of absence (now or later) and restores it on return; a separation wins. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class LeaveOfAbsenceIT {

    // A fresh realm per test: leaves and separations change accounts of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void suspensionEndsSessionsAndTheReturnRestoresTheAccount() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.OTHER_CLINICIAN);
        String userId = scene.user(DemoRealm.OTHER_CLINICIAN).getId();

        HrFeed.Answer suspended = scene.hr.sendLeave(scene.hrToken(), leave("loa-7310-start", "7310", "suspend", ""));

        assertEquals(200, suspended.status(), suspended.json().toString());
        assertEquals("suspended", suspended.json().get("status"));
        Map<?, ?> result = (Map<?, ?>) ((List<?>) suspended.json().get("accounts")).get(0);
        assertEquals(1, result.get("onlineSessionsEnded"));
        assertEquals(1, result.get("offlineSessionsEnded"));
        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertFalse(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled());
        assertEquals(400, scene.app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = scene.revocationOf(userId);
        assertEquals("hr-leave", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("loa-7310-start", revoked.at("unmapped.keycloak.details.hr_event_id"));

        HrFeed.assertRefused("replayed_event", 409, scene.hr.sendLeave(scene.hrToken(), leave("loa-7310-start", "7310", "suspend", "")));

        HrFeed.Answer restored = scene.hr.sendLeave(scene.hrToken(), leave("loa-7310-return", "7310", "restore", ""));

        assertEquals(200, restored.status(), restored.json().toString());
        assertEquals("restored", restored.json().get("status"));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled());
        StoredRecord returned = scene.trail().single(r -> "leave-ended".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && userId.equals(r.at("user.uid")));
        assertEquals("loa-7310-return", returned.at("unmapped.keycloak.details.hr_event_id"));
        HrFeed.assertRefused("not_on_leave", 409, scene.hr.sendLeave(scene.hrToken(), leave("loa-7310-again", "7310", "restore", "")));
    }

    @Test
    void scheduledLeaveStartsAndEndsOnTimeWithTheServerClockMoved() throws Exception {
        scene.signIn(DemoRealm.PRIVACY_OFFICER);
        String userId = scene.user(DemoRealm.PRIVACY_OFFICER).getId();
        Instant now = Instant.now();
        // The leave starts within the realm's 15-minute SSO idle timeout, so the session is still alive to be ended.
        String dates = ", \"startsAt\": \"" + now.plus(Duration.ofMinutes(10)) + "\", \"endsAt\": \"" + now.plus(Duration.ofDays(10)) + "\"";

        HrFeed.Answer scheduled = scene.hr.sendLeave(scene.hrToken(), leave("loa-5532", "5532", "suspend", dates));

        assertEquals(200, scheduled.status(), scheduled.json().toString());
        assertEquals("scheduled", scheduled.json().get("status"));
        assertTrue(scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "enabled until the leave starts");

        scene.serverClockAhead(Duration.ofMinutes(10).plusSeconds(30));
        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the scheduler suspends the account when the leave starts");
        scene.awaitEnabled(DemoRealm.PRIVACY_OFFICER, false, Duration.ofSeconds(15));
        assertEquals("hr-leave-scheduled", scene.revocationOf(userId).at("unmapped.keycloak.details.revocation_trigger"));

        scene.serverClockAhead(Duration.ofDays(10).plusMinutes(1));
        scene.awaitEnabled(DemoRealm.PRIVACY_OFFICER, true, Duration.ofSeconds(15));
        assertEquals("hr-leave-scheduled", scene.trail().single(r -> "leave-ended".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && userId.equals(r.at("user.uid"))).at("unmapped.keycloak.details.source"));
    }

    @Test
    void aSeparationDuringLeaveWins() throws Exception {
        String token = scene.hrToken();
        String dates = ", \"endsAt\": \"" + Instant.now().plus(Duration.ofDays(2)) + "\"";
        assertEquals(200, scene.hr.sendLeave(token, leave("loa-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER, "suspend", dates)).status());
        assertEquals(200, scene.hr.sendSigned(token, HrFeed.separation("sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER)).status());

        HrFeed.assertRefused("account_separated", 409, scene.hr.sendLeave(token, leave("loa-4821-return", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER, "restore", "")));
        scene.serverClockAhead(Duration.ofDays(3));
        Thread.sleep(5_000); // the due-check runs every 2 s; the leave's end must not bring the account back
        assertFalse(scene.user(DemoRealm.CLINICIAN).isEnabled(), "the leave's end does not restore a separated account");
        assertFalse(scene.user(DemoRealm.IAM_ADMIN).isEnabled());
    }

    /**
     * Accounts disabled for another reason before the leave (the roster's `terminated`, an admin's lock) stay
     * disabled when it ends; only the account the leave itself disabled is enabled again.
     */
    @Test
    void theLeavesEndEnablesOnlyWhatTheLeaveDisabled() throws Exception {
        String token = scene.hrToken();
        Accounts.Account terminated = Accounts.withoutCredentials(realm, "rtaylor", Map.of());
        Accounts.Account locked = Accounts.withoutCredentials(realm, "alee", Map.of());
        Accounts.Account onLeave = Accounts.withoutCredentials(realm, "okim", Map.of());
        String roster = "{\"type\": \"roster\", \"rosterId\": \"roster-before-leave\", \"employees\": ["
                + "{\"employeeNumber\": \"" + terminated.employeeNumber() + "\", \"status\": \"terminated\"},"
                + " {\"employeeNumber\": \"" + locked.employeeNumber() + "\", \"status\": \"active\"},"
                + " {\"employeeNumber\": \"" + onLeave.employeeNumber() + "\", \"status\": \"active\"}]}";
        // Forced: the demo realm's own accounts are absent from this roster and are disabled as well.
        HrFeed.Answer applied = scene.hr.sendRoster(token, "?mode=apply&confirm=roster-before-leave&force=true", "application/json", roster);
        assertEquals(200, applied.status(), applied.json().toString());
        assertFalse(scene.user(terminated.username()).isEnabled(), "the roster disabled the terminated employee");
        setEnabled(locked.username(), false);

        for (Accounts.Account employee : List.of(terminated, locked, onLeave)) {
            assertEquals(200, scene.hr.sendLeave(token, leave("loa-" + employee.employeeNumber(), employee.employeeNumber(), "suspend", "")).status());
        }
        assertFalse(scene.user(onLeave.username()).isEnabled(), "the leave disabled the one account that was enabled");
        for (Accounts.Account employee : List.of(terminated, locked, onLeave)) {
            HrFeed.Answer restored = scene.hr.sendLeave(token, leave("loa-" + employee.employeeNumber() + "-return", employee.employeeNumber(), "restore", ""));
            assertEquals(200, restored.status(), restored.json().toString());
            assertEquals("restored", restored.json().get("status"));
        }

        assertTrue(scene.user(onLeave.username()).isEnabled(), "what the leave disabled, its end enables");
        assertFalse(scene.user(terminated.username()).isEnabled(), "terminated by the roster before the leave: stays disabled");
        assertFalse(scene.user(locked.username()).isEnabled(), "locked by an admin before the leave: stays disabled");
        StoredRecord keptDisabled = scene.trail().single(r -> "leave-ended".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && terminated.id().equals(r.at("user.uid")));
        assertEquals("false", keptDisabled.at("unmapped.keycloak.details.enabled"), keptDisabled.text());
    }

    /** An account the leave disabled, enabled early by an admin and then locked by her, stays locked when the leave ends. */
    @Test
    void anAccountAnAdminLockedDuringTheLeaveStaysLockedWhenItEnds() throws Exception {
        String token = scene.hrToken();
        Accounts.Account employee = Accounts.withoutCredentials(realm, "nparker", Map.of());
        String number = employee.employeeNumber();
        assertEquals(200, scene.hr.sendLeave(token, leave("loa-" + number, number, "suspend", "")).status());
        assertFalse(scene.user(employee.username()).isEnabled());

        setEnabled(employee.username(), true);
        setEnabled(employee.username(), false);
        HrFeed.Answer restored = scene.hr.sendLeave(token, leave("loa-" + number + "-return", number, "restore", ""));

        assertEquals(200, restored.status(), restored.json().toString());
        assertFalse(scene.user(employee.username()).isEnabled(), "the admin's lock outlasts the leave");
    }

    /**
     * HR's roster marks an employee on leave terminated: the roster takes the account over from the leave, says
     * so, and the leave's end leaves it disabled. A colleague on leave whom the roster lists active comes back.
     */
    @Test
    void aRosterThatTerminatesAnEmployeeOnLeaveKeepsTheAccountDisabledAfterIt() throws Exception {
        String token = scene.hrToken();
        Accounts.Account terminated = Accounts.withoutCredentials(realm, "wross", Map.of());
        Accounts.Account returning = Accounts.withoutCredentials(realm, "ebell", Map.of());
        for (Accounts.Account employee : List.of(terminated, returning)) {
            assertEquals(200, scene.hr.sendLeave(token, leave("loa-" + employee.employeeNumber(), employee.employeeNumber(), "suspend", "")).status());
        }
        String roster = "{\"type\": \"roster\", \"rosterId\": \"roster-during-leave\", \"employees\": ["
                + "{\"employeeNumber\": \"" + terminated.employeeNumber() + "\", \"status\": \"terminated\"},"
                + " {\"employeeNumber\": \"" + returning.employeeNumber() + "\", \"status\": \"leave\"}]}";

        HrFeed.Answer applied = scene.hr.sendRoster(token, "?mode=apply&confirm=roster-during-leave&force=true", "application/json", roster);

        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals(Set.of(terminated.username()), applied.usernames("keptDisabled"), applied.json().toString());
        for (Accounts.Account employee : List.of(terminated, returning)) {
            assertEquals(200, scene.hr.sendLeave(token, leave("loa-" + employee.employeeNumber() + "-return", employee.employeeNumber(), "restore", ""))
                    .status());
        }
        assertFalse(scene.user(terminated.username()).isEnabled(), "terminated on the roster during the leave: stays disabled");
        assertTrue(scene.user(returning.username()).isEnabled(), "on leave on the roster: back when the leave ends");
    }

    /** What an IAM admin does in the console: switch Enabled on or off. */
    private void setEnabled(String username, boolean enabled) {
        UserRepresentation user = scene.account(username).toRepresentation();
        user.setEnabled(enabled);
        scene.account(username).update(user);
    }

    @Test
    void badLeaveRequestsAreRefusedAndChangeNothing() throws Exception {
        String token = scene.hrToken();
        HrFeed.assertRefused("unauthenticated", 401, scene.hr.sendLeave(null, leave("loa-bad-1", "7310", "suspend", "")));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendLeave(token, leave("loa-bad-2", "7310", "pause", "")));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendLeave(token, leave("loa-bad-3", "7310", "suspend", ", \"endsAt\": \"yesterday\"")));
        HrFeed.assertRefused("unknown_employee", 404, scene.hr.sendLeave(token, leave("loa-bad-4", "99990000", "suspend", "")));
        HrFeed.assertRefused("invalid_signature", 401, scene.hr.send(token, leave("loa-bad-5", "7310", "suspend", ""), "wrong-secret",
                System.currentTimeMillis() / 1000));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "nothing changed");
    }

    private static String leave(String eventId, String employeeNumber, String action, String extra) {
        return HrFeed.leave(eventId, employeeNumber, action, extra);
    }
}
