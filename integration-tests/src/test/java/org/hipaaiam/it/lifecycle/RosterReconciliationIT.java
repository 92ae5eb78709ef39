package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * HR's full roster applied: terminated and absent accounts are disabled and signed out, service and emergency
 * accounts are left alone, and a roster that would disable too many accounts is refused unless forced.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class RosterReconciliationIT {

    /** Terminated: 7310. Absent: 5532 and the disaster-recovery account 9001. Listed: 4821 (workforce and adm- account), 9050 has no account. */
    private static final String CSV = "employeeNumber,status\n4821,active\n7310,terminated\n9050,active\n";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    private ClinicalAppOnTestPort app;
    private HrFeed hr;

    @BeforeEach
    void startTheAppAndTheFeed() throws Exception {
        app = ClinicalAppOnTestPort.start(realm);
        hr = new HrFeed(realm.getBaseUrl());
        createEmergencyAccount();
    }

    @AfterEach
    void stopTheApp() {
        app.close();
    }

    @Test
    void csvRosterAppliedDisablesTerminatedAndAbsentAccountsOnly() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "tnguyen7310");
        String token = hrToken();

        HrFeed.Answer dryRun = hr.sendRoster(token, "?rosterId=roster-csv-1", "text/csv", CSV);
        assertEquals(200, dryRun.status(), dryRun.json().toString());
        assertEquals("dry-run", dryRun.json().get("mode"));
        assertEquals(Set.of("tnguyen7310", "mbrown5532"), dryRun.usernames("toDisable"));
        assertEquals(Set.of("ecover9100", "adm-dreyes9001"), dryRun.usernames("excepted"), "emergency and disaster-recovery accounts excepted by rule");
        assertTrue(user("tnguyen7310").isEnabled() && user("mbrown5532").isEnabled(), "the dry run changes nothing");

        HrFeed.assertRefused("confirmation_required", 400, hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply", "text/csv", CSV));
        HrFeed.assertRefused("too_many_disables", 409,
                hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply&confirm=roster-csv-1", "text/csv", CSV));
        assertTrue(user("tnguyen7310").isEnabled() && user("mbrown5532").isEnabled(), "refused applies change nothing");

        HrFeed.Answer applied = hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply&confirm=roster-csv-1&force=true", "text/csv", CSV);

        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals(Set.of("tnguyen7310", "mbrown5532"), applied.usernames("disabled"));
        assertFalse(user("tnguyen7310").isEnabled());
        assertFalse(user("mbrown5532").isEnabled());
        assertTrue(user(DemoRealm.CLINICIAN).isEnabled() && user("adm-jsmith4821").isEnabled(), "listed employees stay");
        assertTrue(user("svc-epic-hl7").isEnabled() && user("ecover9100").isEnabled() && user("adm-dreyes9001").isEnabled(),
                "service, emergency and disaster-recovery accounts stay");
        String userId = user("tnguyen7310").getId();
        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = AuditTrail.single(r -> after(r, start) && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("roster-reconciliation", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("roster-csv-1", revoked.at("unmapped.keycloak.details.roster_id"));
        assertEquals("terminated", revoked.at("unmapped.keycloak.details.disable_reason"));
        List<StoredRecord> summaries = AuditTrail.records(r -> after(r, start) && "roster-csv-1".equals(r.at("unmapped.keycloak.details.roster_id"))
                && "ACTION".equals(r.at("unmapped.keycloak.operation_type")));
        assertEquals(Set.of("dry-run", "apply"), summaries.stream().map(r -> r.at("unmapped.keycloak.details.mode")).collect(Collectors.toSet()),
                "dry run and apply are both recorded");
    }

    @Test
    void jsonRosterWithinTheAllowedShareIsApplied() throws Exception {
        Map<String, String> attributes = realm.admin().toRepresentation().getAttributes();
        setRealmAttribute("hipaa.roster.maxDisableFraction", "0.5");
        String body = "{\"rosterId\": \"roster-json-1\", \"employees\": [{\"employeeNumber\": \"4821\", \"status\": \"active\"},"
                + " {\"employeeNumber\": \"5532\", \"status\": \"leave\"}, {\"employeeNumber\": \"7310\", \"status\": \"terminated\"}]}";

        HrFeed.Answer applied = hr.sendRoster(hrToken(), "?mode=apply&confirm=roster-json-1", "application/json", body);

        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals(Set.of("tnguyen7310"), applied.usernames("disabled"));
        assertTrue(user("mbrown5532").isEnabled(), "an employee on leave is on the roster");
        assertFalse(user("tnguyen7310").isEnabled());
        setRealmAttribute("hipaa.roster.maxDisableFraction", attributes.get("hipaa.roster.maxDisableFraction"));
    }

    @Test
    void badRosterUploadsAreRefusedAndChangeNothing() throws Exception {
        String token = hrToken();
        HrFeed.assertRefused("unsupported_media_type", 415, hr.sendRoster(token, "?rosterId=r-1", "text/plain", CSV));
        HrFeed.assertRefused("malformed_request", 400, hr.sendRoster(token, "", "text/csv", CSV));
        HrFeed.assertRefused("malformed_request", 400, hr.sendRoster(token, "?rosterId=r-1", "text/csv", "number,state\n4821,active\n"));
        HrFeed.assertRefused("malformed_request", 400, hr.sendRoster(token, "?rosterId=r-1&mode=wipe", "text/csv", CSV));
        HrFeed.assertRefused("unauthenticated", 401, hr.sendRoster(null, "?rosterId=r-1", "text/csv", CSV));
        assertTrue(user("tnguyen7310").isEnabled() && user("mbrown5532").isEnabled(), "nothing changed");
    }

    /** An emergency (disaster-recovery) account: HR does not list it, and it must keep working. */
    private void createEmergencyAccount() {
        if (!realm.admin().users().search("ecover9100", true).isEmpty()) {
            return;
        }
        UserRepresentation account = new UserRepresentation();
        account.setUsername("ecover9100");
        account.setEnabled(true);
        account.setAttributes(Map.of("employeeNumber", List.of("9100"), "accountType", List.of("emergency")));
        realm.admin().users().create(account).close();
    }

    private void setRealmAttribute(String name, String value) {
        var rep = realm.admin().toRepresentation();
        if (value == null) {
            rep.getAttributes().remove(name);
        } else {
            rep.getAttributes().put(name, value);
        }
        realm.admin().update(rep);
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
