package org.hipaaiam.events.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    private static final AlertSettings DEFAULTS = settings(Map.of(AlertSettings.TIME_ZONE.key(), "America/New_York"), new ArrayList<>());
    private static final long NOON_NEW_YORK = Instant.parse("2026-11-23T17:00:00Z").toEpochMilli();
    private static final long THREE_AM_NEW_YORK = Instant.parse("2026-11-23T08:00:00Z").toEpochMilli();

    private static AlertSettings settings(Map<String, String> attributes, List<String> problems) {
        return AlertSettings.of(RealmSettings.of(attributes, (setting, configured, problem) -> problems.add(problem)));
    }

    private static AuditFacts failedLogon(String userId, long time) {
        return new AuditFacts("r-1", "hipaa", 3002, 1, true, "LOGIN_ERROR", userId, "tnguyen7310", "10.0.0.9", time, null, null,
                Map.of(), List.of());
    }

    private static AuditFacts logon(long time, String ip) {
        return new AuditFacts("r-1", "hipaa", 3002, 1, false, "LOGIN", "u-1", "jsmith4821", ip, time, null, null, Map.of(), List.of());
    }

    /** One failed sign-in at `time`, evaluated by `rule` with the shared claims' clock at that time. */
    private static Optional<Alert> failure(FailedLoginBurstRule rule, ClockedClaims claims, String userId, long time) {
        claims.now = time;
        return rule.evaluate(failedLogon(userId, time), DEFAULTS);
    }

    @Test
    void fifthFailureWithinTenMinutesAlertsOnce() {
        ClockedClaims claims = new ClockedClaims();
        FailedLoginBurstRule rule = new FailedLoginBurstRule(claims);
        for (int i = 0; i < 4; i++) {
            assertTrue(failure(rule, claims, "u-7", NOON_NEW_YORK + i * 60_000L).isEmpty());
        }
        Optional<Alert> alert = failure(rule, claims, "u-7", NOON_NEW_YORK + 4 * 60_000L);
        assertEquals("failed-login-burst", alert.orElseThrow().rule());
        assertTrue(failure(rule, claims, "u-7", NOON_NEW_YORK + 5 * 60_000L).isEmpty(), "no repeat within the burst");
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotAlert() {
        ClockedClaims claims = new ClockedClaims();
        FailedLoginBurstRule rule = new FailedLoginBurstRule(claims);
        for (int i = 0; i < 10; i++) {
            assertTrue(failure(rule, claims, "u-8", NOON_NEW_YORK + i * 3 * 60_000L).isEmpty());
        }
    }

    @Test
    void failuresOnTwoNodesCountTowardsOneBurst() {
        ClockedClaims shared = new ClockedClaims();
        FailedLoginBurstRule nodeOne = new FailedLoginBurstRule(shared);
        FailedLoginBurstRule nodeTwo = new FailedLoginBurstRule(shared);
        for (int i = 0; i < 3; i++) {
            assertTrue(failure(nodeOne, shared, "u-9", NOON_NEW_YORK + i * 60_000L).isEmpty());
        }
        assertTrue(failure(nodeTwo, shared, "u-9", NOON_NEW_YORK + 3 * 60_000L).isEmpty());

        assertTrue(failure(nodeTwo, shared, "u-9", NOON_NEW_YORK + 4 * 60_000L).isPresent(), "the fifth failure, on either node, alerts");
        assertTrue(failure(nodeOne, shared, "u-9", NOON_NEW_YORK + 5 * 60_000L).isEmpty(), "and the other node does not report it again");
    }

    @Test
    void aNewBurstAfterTheWindowAlertsAgain() {
        ClockedClaims claims = new ClockedClaims();
        FailedLoginBurstRule rule = new FailedLoginBurstRule(claims);
        for (int i = 0; i < 5; i++) {
            failure(rule, claims, "u-10", NOON_NEW_YORK + i * 1_000L);
        }
        long later = NOON_NEW_YORK + 11 * 60_000L;
        for (int i = 0; i < 4; i++) {
            assertTrue(failure(rule, claims, "u-10", later + i * 1_000L).isEmpty());
        }
        assertTrue(failure(rule, claims, "u-10", later + 4 * 1_000L).isPresent());
    }

    @Test
    void accountsAreCountedApart() {
        ClockedClaims claims = new ClockedClaims();
        FailedLoginBurstRule rule = new FailedLoginBurstRule(claims);
        for (int i = 0; i < 4; i++) {
            failure(rule, claims, "u-11", NOON_NEW_YORK + i * 1_000L);
            assertTrue(failure(rule, claims, "u-12", NOON_NEW_YORK + i * 1_000L).isEmpty());
        }
    }

    @Test
    void grantOfAPrivilegedRoleAlertsButAnOrdinaryOneDoesNot() {
        PrivilegedRoleGrantRule rule = new PrivilegedRoleGrantRule();
        AuditFacts admin = new AuditFacts("r-1", "hipaa", 3005, 1, false, null, "u-9", null, "10.9.9.9", NOON_NEW_YORK,
                "users/u-9/role-mappings/realm", "[{\"id\":\"x\",\"name\":\"iam-admin\"}]", Map.of(), List.of());
        AuditFacts clinician = new AuditFacts("r-1", "hipaa", 3005, 1, false, null, "u-9", null, "10.9.9.9", NOON_NEW_YORK,
                "users/u-9/role-mappings/realm", "[{\"id\":\"y\",\"name\":\"clinician\"}]", Map.of(), List.of());
        assertEquals("Privileged role granted: iam-admin", rule.evaluate(admin, DEFAULTS).orElseThrow().title());
        assertTrue(rule.evaluate(clinician, DEFAULTS).isEmpty());
    }

    @Test
    void aPrivilegedRolePutIntoACompositeAlertsLikeAGrant() {
        PrivilegedRoleGrantRule rule = new PrivilegedRoleGrantRule();
        AuditFacts intoClinician = new AuditFacts("r-1", "hipaa", 6003, 1, false, null, null, null, "10.9.9.9", NOON_NEW_YORK,
                "roles/clinician/composites", "[{\"id\":\"x\",\"name\":\"realm-admin\"}]", Map.of(), List.of());
        AuditFacts newRole = new AuditFacts("r-1", "hipaa", 6003, 1, false, null, null, null, "10.9.9.9", NOON_NEW_YORK,
                "roles", "{\"name\":\"realm-admin-lookalike\"}", Map.of(), List.of());
        AuditFacts clientComposite = new AuditFacts("r-1", "hipaa", 6003, 1, false, null, null, null, "10.9.9.9", NOON_NEW_YORK,
                "clients/c-1/roles/operator/composites", "[{\"name\":\"manage-users\"}]", Map.of(), List.of());

        assertEquals("Privileged role put into composite role clinician: realm-admin", rule.evaluate(intoClinician, DEFAULTS).orElseThrow().title());
        assertTrue(rule.evaluate(newRole, DEFAULTS).isEmpty());
        assertEquals("Privileged role put into composite role operator: manage-users", rule.evaluate(clientComposite, DEFAULTS).orElseThrow().title());
    }

    @Test
    void breakGlassEventsAlwaysAlert() {
        AuditFacts facts = new AuditFacts("r-1", "hipaa", 3002, 99, false, "CUSTOM_REQUIRED_ACTION", "u-1", "jsmith4821", null,
                NOON_NEW_YORK, null, null, Map.of(AuditDetails.HIPAA_EVENT, "break-glass-elevation"), List.of());
        assertEquals("critical", new BreakGlassRule().evaluate(facts, DEFAULTS).orElseThrow().severity());
    }

    @Test
    void afterHoursSignInFromANewAddressAlertsOnlyTheFirstTime() {
        Set<String> known = new HashSet<>();
        AfterHoursNewLocationRule rule = new AfterHoursNewLocationRule((realm, user, ip) -> known.add(user + "/" + ip));
        assertTrue(rule.evaluate(logon(NOON_NEW_YORK, "10.0.0.1"), DEFAULTS).isEmpty(), "business hours");
        assertTrue(rule.evaluate(logon(THREE_AM_NEW_YORK, "10.0.0.1"), DEFAULTS).isEmpty(), "known address");
        assertEquals("after-hours-new-location", rule.evaluate(logon(THREE_AM_NEW_YORK, "203.0.113.5"), DEFAULTS).orElseThrow().rule());
        assertTrue(rule.evaluate(logon(THREE_AM_NEW_YORK + 60_000, "203.0.113.5"), DEFAULTS).isEmpty());
    }

    @Test
    void malformedSettingsFallBackAndAreReported() {
        List<String> problems = new ArrayList<>();
        AlertSettings settings = settings(Map.of(AlertSettings.BUSINESS_HOURS.key(), "7am", AlertSettings.FAILED_LOGIN_THRESHOLD.key(), "many",
                AlertSettings.WEBHOOK_URL.key(), "http://alerts.example.org/in"), problems);
        assertFalse(settings.hasChannel(), "a plain-http webhook to another host is never used");
        assertEquals(AlertSettings.BUSINESS_HOURS.defaultValue(), settings.businessHours());
        assertEquals(3, settings.failedLoginThreshold(), "a bad threshold alerts sooner, not later");
        assertEquals(3, problems.size());
        assertTrue(problems.contains("hipaa.alerts.webhookUrl must be https (http only to this host)"), problems.toString());
    }

    @Test
    void aWebhookOnThisHostMayBePlainHttp() {
        assertTrue(settings(Map.of(AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:8089/alerts"), new ArrayList<>()).hasChannel());
    }

    @Test
    void aPrivilegedRoleGrantRefusedByTheGuardAlerts() {
        AuditFacts refused = new AuditFacts("r-1", "hipaa", 3002, 99, true, "UPDATE_PROFILE_ERROR", "u-helpdesk", "helpdesk-1", "10.0.0.5",
                NOON_NEW_YORK, null, null, Map.of(AuditDetails.HIPAA_EVENT, HipaaEvents.API_REFUSED, AuditDetails.ROLE, "iam-admin",
                AuditDetails.TARGET_USER, "u-7"), List.of());
        Alert alert = new PrivilegedRoleGrantRule().evaluate(refused, DEFAULTS).orElseThrow();
        assertEquals("Privileged role grant refused: iam-admin", alert.title());
        assertTrue(new PrivilegedRoleGrantRule().evaluate(new AuditFacts("r-1", "hipaa", 3002, 99, true, "UPDATE_PROFILE_ERROR", "u-1", "x",
                "10.0.0.5", NOON_NEW_YORK, null, null, Map.of(AuditDetails.HIPAA_EVENT, HipaaEvents.API_REFUSED), List.of()), DEFAULTS).isEmpty(),
                "other refusals are not role grants");
    }

    @Test
    void anInvalidSettingAlertsOnceADayForTheWholeCluster() {
        AuditFacts facts = new AuditFacts("r-1", "hipaa", 3002, 99, true, "EXECUTE_ACTIONS_ERROR", null, null, "127.0.0.1", NOON_NEW_YORK, null, null,
                Map.of(AuditDetails.HIPAA_EVENT, HipaaEvents.SETTING_INVALID, AuditDetails.SETTING, "hipaa.pin.maxFailures",
                        AuditDetails.REASON, "not a whole number; using the strictest value 5"), List.of());
        ClockedClaims shared = new ClockedClaims();
        shared.now = NOON_NEW_YORK;
        InvalidSettingRule nodeOne = new InvalidSettingRule(shared);
        InvalidSettingRule nodeTwo = new InvalidSettingRule(shared);

        assertEquals("Invalid setting: hipaa.pin.maxFailures", nodeOne.evaluate(facts, DEFAULTS).orElseThrow().title());
        assertTrue(nodeTwo.evaluate(facts, DEFAULTS).isEmpty(), "the other node's record of the same problem raises no second alert");
        shared.now = NOON_NEW_YORK + InvalidSettingRule.REPEAT_AFTER.toMillis() + 1;
        assertTrue(nodeTwo.evaluate(facts, DEFAULTS).isPresent(), "a problem still there a day later alerts again");
        assertTrue(nodeOne.evaluate(logon(NOON_NEW_YORK, "10.0.0.1"), DEFAULTS).isEmpty());
    }

    @Test
    void anUnreadableScheduledChangeAlertsHigh() {
        AuditFacts facts = new AuditFacts("r-1", "hipaa", 3002, 99, true, "EXECUTE_ACTIONS_ERROR", "u-1", null, "127.0.0.1", NOON_NEW_YORK, null,
                null, Map.of(AuditDetails.HIPAA_EVENT, HipaaEvents.SCHEDULED_CHANGE_INVALID, "attribute", "hipaa.separation.effectiveAt",
                        AuditDetails.REASON, "not an ISO-8601 instant"), List.of());
        Alert alert = new InvalidScheduledChangeRule().evaluate(facts, DEFAULTS).orElseThrow();
        assertEquals("Scheduled change not applied: hipaa.separation.effectiveAt", alert.title());
        assertEquals("high", alert.severity());
        assertEquals("u-1", alert.userId());
        assertTrue(new InvalidScheduledChangeRule().evaluate(logon(NOON_NEW_YORK, "10.0.0.1"), DEFAULTS).isEmpty());
    }
}
