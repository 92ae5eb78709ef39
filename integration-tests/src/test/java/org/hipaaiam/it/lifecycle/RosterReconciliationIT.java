package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * HR's full roster applied: terminated and absent accounts are disabled and signed out, service and emergency
 * accounts are left alone, and a roster that would disable too many accounts is refused unless forced.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class RosterReconciliationIT {

    /** Terminated: 7310. Absent: 5532 and the disaster-recovery account 9001. Listed: 4821 (workforce and adm- account), 9050 has no account. */
    private static final String CSV = "employeeNumber,status\n4821,active\n7310,terminated\n9050,active\n";

    // A fresh realm per test: applied rosters disable accounts of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    /** An emergency (disaster-recovery) account: HR does not list it, and it must keep working. */
    private String emergencyAccount;

    @BeforeEach
    void createEmergencyAccount() {
        emergencyAccount = Accounts.withoutCredentials(realm, "ecover", Map.of("accountType", "emergency")).username();
    }

    @Test
    void csvRosterAppliedDisablesTerminatedAndAbsentAccountsOnly() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.OTHER_CLINICIAN);
        String token = scene.hrToken();

        HrFeed.Answer dryRun = scene.hr.sendRoster(token, "?rosterId=roster-csv-1", "text/csv", CSV);
        assertEquals(200, dryRun.status(), dryRun.json().toString());
        assertEquals("dry-run", dryRun.json().get("mode"));
        assertEquals(Set.of("tnguyen7310", "mbrown5532"), dryRun.usernames("toDisable"));
        assertEquals(Set.of(emergencyAccount, "adm-dreyes9001"), dryRun.usernames("excepted"), "emergency and disaster-recovery accounts excepted by rule");
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled() && scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "the dry run changes nothing");

        HrFeed.assertRefused("confirmation_required", 400, scene.hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply", "text/csv", CSV));
        HrFeed.assertRefused("too_many_disables", 409,
                scene.hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply&confirm=roster-csv-1", "text/csv", CSV));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled() && scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "refused applies change nothing");

        HrFeed.Answer applied = scene.hr.sendRoster(token, "?rosterId=roster-csv-1&mode=apply&confirm=roster-csv-1&force=true", "text/csv", CSV);

        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals(Set.of("tnguyen7310", "mbrown5532"), applied.usernames("disabled"));
        assertFalse(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled());
        assertFalse(scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled());
        assertTrue(scene.user(DemoRealm.CLINICIAN).isEnabled() && scene.user(DemoRealm.IAM_ADMIN).isEnabled(), "listed employees stay");
        assertTrue(scene.user("svc-epic-hl7").isEnabled() && scene.user(emergencyAccount).isEnabled() && scene.user("adm-dreyes9001").isEnabled(),
                "service, emergency and disaster-recovery accounts stay");
        String userId = scene.user(DemoRealm.OTHER_CLINICIAN).getId();
        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertEquals(400, scene.app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = scene.revocationOf(userId);
        assertEquals("roster-reconciliation", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("roster-csv-1", revoked.at("unmapped.keycloak.details.roster_id"));
        assertEquals("terminated", revoked.at("unmapped.keycloak.details.disable_reason"));
        List<StoredRecord> summaries = scene.trail().records(r -> "roster-csv-1".equals(r.at("unmapped.keycloak.details.roster_id"))
                && "ACTION".equals(r.at("unmapped.keycloak.operation_type")));
        assertEquals(Set.of("dry-run", "apply"), summaries.stream().map(r -> r.at("unmapped.keycloak.details.mode")).collect(Collectors.toSet()),
                "dry run and apply are both recorded");
    }

    /**
     * The query is signed: a dry run, captured and sent again as an apply that is confirmed and forced past the
     * mass-disable guard, is refused and disables nobody.
     */
    @Test
    void aSignedDryRunResentAsAForcedApplyIsRefused() throws Exception {
        String token = scene.hrToken();
        String dryRun = "?rosterId=roster-csv-2";
        String signature = scene.hr.signatureFor(DemoRealm.NAME, "roster" + dryRun, CSV);
        assertEquals(200, scene.hr.postWithSignatureHeader("roster" + dryRun, "text/csv", token, CSV, signature).status(), "the dry run itself");

        HrFeed.Answer forced = scene.hr.postWithSignatureHeader("roster?rosterId=roster-csv-2&mode=apply&confirm=roster-csv-2&force=true",
                "text/csv", token, CSV, signature);

        HrFeed.assertRefused("invalid_signature", 401, forced);
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled() && scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "nobody is disabled");
        StoredRecord refused = scene.trail().single(r -> "invalid_signature".equals(r.at("status_detail")));
        assertEquals("roster", refused.at("unmapped.keycloak.details.path"), refused.text());
    }

    @Test
    void jsonRosterWithinTheAllowedShareIsApplied() throws Exception {
        scene.setRealmAttribute("hipaa.roster.maxDisableFraction", "0.5");
        String body = "{\"type\": \"roster\", \"rosterId\": \"roster-json-1\", \"employees\": [{\"employeeNumber\": \"4821\", \"status\": \"active\"},"
                + " {\"employeeNumber\": \"5532\", \"status\": \"leave\"}, {\"employeeNumber\": \"7310\", \"status\": \"terminated\"}]}";

        HrFeed.Answer applied = scene.hr.sendRoster(scene.hrToken(), "?mode=apply&confirm=roster-json-1", "application/json", body);

        assertEquals(200, applied.status(), applied.json().toString());
        assertEquals(Set.of("tnguyen7310"), applied.usernames("disabled"));
        assertTrue(scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "an employee on leave is on the roster");
        assertFalse(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled());
    }

    @Test
    void badRosterUploadsAreRefusedAndChangeNothing() throws Exception {
        String token = scene.hrToken();
        HrFeed.assertRefused("unsupported_media_type", 415, scene.hr.sendRoster(token, "?rosterId=r-1", "text/plain", CSV));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendRoster(token, "", "text/csv", CSV));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendRoster(token, "?rosterId=r-1", "text/csv", "number,state\n4821,active\n"));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendRoster(token, "?rosterId=r-1&mode=wipe", "text/csv", CSV));
        HrFeed.assertRefused("unauthenticated", 401, scene.hr.sendRoster(null, "?rosterId=r-1", "text/csv", CSV));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled() && scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "nothing changed");
    }
}
