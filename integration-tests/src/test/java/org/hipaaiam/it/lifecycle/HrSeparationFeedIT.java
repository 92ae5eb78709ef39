package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testframework.util.ApiUtil;

/** HR reports a separation; every account of the employee is disabled and signed out at once or when it takes effect. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class HrSeparationFeedIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
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
    void separationDisablesEveryAccountOfTheEmployeeAndEndsTheirSessions() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, DemoRealm.CLINICIAN);
        String token = hrToken();

        HrFeed.Answer answer = hr.sendSigned(token, HrFeed.separation("hr-sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER));

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("separated", answer.json().get("status"));
        List<?> accounts = (List<?>) answer.json().get("accounts");
        assertEquals(Set.of(DemoRealm.CLINICIAN, "adm-jsmith4821"),
                accounts.stream().map(a -> ((Map<?, ?>) a).get("username")).collect(Collectors.toSet()),
                "the workforce account and the separate admin account share the employee number");
        assertFalse(user(DemoRealm.CLINICIAN).isEnabled());
        assertFalse(user("adm-jsmith4821").isEnabled());

        String userId = user(DemoRealm.CLINICIAN).getId();
        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertEquals(400, app.refresh(signedIn.onlineRefreshToken()), "the online refresh token no longer works");
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = AuditTrail.single(r -> isAfter(r, start) && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("hr-feed", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("hr-sep-4821", revoked.at("unmapped.keycloak.details.hr_event_id"));
        assertEquals("1", revoked.at("unmapped.keycloak.details.online_sessions_ended"));
        assertEquals("1", revoked.at("unmapped.keycloak.details.offline_sessions_ended"));
        StoredRecord disabled = AuditTrail.single(r -> isAfter(r, start) && "UPDATE".equals(r.at("unmapped.keycloak.operation_type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("service-account-hr-feed", disabled.at("actor.user.name"), disabled.text());
        assertEquals("hr-sep-4821", disabled.at("unmapped.keycloak.details.hr_event_id"));

        HrFeed.Answer replay = hr.sendSigned(token, HrFeed.separation("hr-sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER));
        assertEquals(409, replay.status());
        assertEquals("replayed_event", replay.json().get("error"));

        HrFeed.Answer evidence = hr.evidence(token);
        assertEquals(200, evidence.status(), evidence.json().toString());
        int separations = ((Number) evidence.json().get("count")).intValue();
        assertTrue(separations >= 2, "both accounts counted: " + evidence.json());
        assertEquals(separations, ((Number) evidence.json().get("withinTarget")).intValue(), "every separation within 1 hour");
        assertTrue(((Map<?, ?>) evidence.json().get("percentiles")).get("max") instanceof Number max && max.longValue() < 3600,
                evidence.json().toString());
    }

    @Test
    void refusedRequestsChangeNothingAndAreAuditedWithTheReason() throws Exception {
        long start = System.currentTimeMillis();
        String token = hrToken();
        String body = HrFeed.separation("hr-sep-7310", "7310");
        long now = System.currentTimeMillis() / 1000;

        String otherService = tokenWithoutHrRole();
        HrFeed.assertRefused("unauthenticated", 401, hr.sendSigned(null, body));
        HrFeed.assertRefused("forbidden", 403, hr.sendSigned(otherService, body));
        HrFeed.assertRefused("forbidden", 403, hr.evidence(otherService));
        HrFeed.assertRefused("invalid_signature", 401, hr.send(token, body, "not-the-shared-secret", now));
        HrFeed.assertRefused("stale_timestamp", 401, hr.send(token, body, HrFeed.SIGNING_SECRET, now - 600));
        HrFeed.assertRefused("malformed_request", 400, hr.sendSigned(token, "{\"eventId\": \"hr-sep-7310\""));
        HrFeed.assertRefused("unknown_employee", 404, hr.sendSigned(token, HrFeed.separation("hr-sep-0000", "99990000")));

        assertTrue(user("tnguyen7310").isEnabled(), "nothing changed");
        List<StoredRecord> refusals = AuditTrail.records(r -> isAfter(r, start) && "hr-feed".equals(r.at("unmapped.keycloak.details.api"))
                && "Failure".equals(r.at("status")));
        refusals.forEach(r -> assertEquals("api-refused", r.at("unmapped.keycloak.details.hipaa_event"), r.text()));
        assertEquals(Set.of("unauthenticated", "forbidden", "invalid_signature", "stale_timestamp", "malformed_request", "unknown_employee"),
                refusals.stream().map(r -> r.at("status_detail")).collect(Collectors.toSet()));
        refusals.forEach(r -> assertFalse(r.text().contains(HrFeed.SIGNING_SECRET), "no secret in the audit record"));
    }

    /**
     * A separation signed an hour ago, captured and sent again with a fresh `t=` in front of its header: the
     * header is read once, a repeated key makes it malformed, and the employee keeps their account.
     */
    @Test
    void replayedSeparationWithAFreshTimestampInFrontIsRefusedAndAudited() throws Exception {
        long start = System.currentTimeMillis();
        Employees.create(realm, "rlopez6001", "6001");
        String body = HrFeed.separation("hr-sep-6001", "6001");
        long now = System.currentTimeMillis() / 1000;
        String capturedAnHourAgo = HrFeed.signature(HrFeed.SIGNING_SECRET, now - 3600, body);

        HrFeed.Answer replayed = hr.sendWithSignatureHeader(hrToken(), body, "t=" + now + "," + capturedAnHourAgo);

        HrFeed.assertRefused("malformed_signature", 401, replayed);
        assertTrue(user("rlopez6001").isEnabled(), "the employee keeps their account");
        StoredRecord refused = AuditTrail.single(r -> isAfter(r, start) && "malformed_signature".equals(r.at("status_detail")));
        assertEquals("INVALID_SIGNATURE_ERROR", refused.at("unmapped.keycloak.type"), refused.text());
        assertEquals("api-refused", refused.at("unmapped.keycloak.details.hipaa_event"), refused.text());
        assertEquals("hr-feed", refused.at("unmapped.keycloak.details.api"), refused.text());
    }

    /** The HR feed's tokens name it (audience `hipaa-hr-feed`): another client's token is refused, even with the hr-feed role. */
    @Test
    void aTokenIssuedToAnotherClientIsRefusedEvenWithTheHrRole() throws Exception {
        long start = System.currentTimeMillis();
        String payrollClient = createServiceClient("payroll-export", "payroll-export-secret", false);
        realm.admin().users().get(realm.admin().clients().get(payrollClient).getServiceAccountUser().getId())
                .roles().realmLevel().add(List.of(realm.admin().roles().get(ServiceAccount.HR_FEED).toRepresentation()));
        String payroll = ServiceAccount.token(realm.getBaseUrl(), "payroll-export", "payroll-export-secret");

        HrFeed.assertRefused("invalid_audience", 401, hr.sendSigned(payroll, HrFeed.separation("hr-sep-7310-payroll", "7310")));
        HrFeed.assertRefused("invalid_audience", 401, hr.evidence(payroll));

        assertTrue(user("tnguyen7310").isEnabled(), "nothing changed");
        List<StoredRecord> refused = AuditTrail.records(r -> isAfter(r, start) && "invalid_audience".equals(r.at("status_detail")));
        assertEquals(Set.of("separations", "evidence"), refused.stream().map(r -> r.at("unmapped.keycloak.details.path")).collect(Collectors.toSet()));
        refused.forEach(r -> assertEquals("hr-feed", r.at("unmapped.keycloak.details.api"), r.text()));
    }

    @Test
    void futureDatedSeparationTakesEffectWhenDueWithTheServerClockMoved() throws Exception {
        long start = System.currentTimeMillis();
        app.signIn(browser, "mbrown5532");
        // Within the realm's 15-minute SSO idle timeout, so the session is still alive to be ended when it is due.
        Instant effectiveAt = Instant.now().plus(Duration.ofMinutes(10));

        HrFeed.Answer answer = hr.sendSigned(hrToken(), "{\"eventId\": \"hr-sep-5532\", \"employeeNumber\": \"5532\", \"effectiveAt\": \""
                + effectiveAt + "\"}");

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("scheduled", answer.json().get("status"));
        Thread.sleep(3_000); // more than one due-check interval (2 s): nothing happens before the effective time
        assertTrue(user("mbrown5532").isEnabled(), "still enabled before the effective time");

        timeOffSet.set(Duration.ofMinutes(10).plusSeconds(30));
        String userId = user("mbrown5532").getId();
        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout once the separation is due");
        awaitDisabled("mbrown5532");
        StoredRecord revoked = AuditTrail.single(r -> isAfter(r, start) && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("hr-feed-scheduled", revoked.at("unmapped.keycloak.details.revocation_trigger"));
    }

    @Test
    void rosterReconciliationNamesAccountsHrNoLongerListsAndEmployeesWithoutAccounts() throws Exception {
        HrFeed.Answer answer = hr.sendRoster(hrToken(), "{\"rosterId\": \"roster-2026-11-22\", \"employeeNumbers\": [\"4821\", \"5532\", \"9050\"]}");

        assertEquals(200, answer.status(), answer.json().toString());
        Set<Object> orphaned = ((List<?>) answer.json().get("toDisable")).stream().map(a -> ((Map<?, ?>) a).get("username")).collect(Collectors.toSet());
        assertTrue(orphaned.contains("tnguyen7310"), "7310 is not on the roster: " + answer.json());
        assertFalse(orphaned.contains(DemoRealm.CLINICIAN), "4821 is on the roster");
        assertFalse(orphaned.contains("svc-epic-hl7"), "service accounts are exempt");
        assertEquals("dry-run", answer.json().get("mode"));
        assertTrue(((List<?>) answer.json().get("missing")).contains("9050"), "9050 has no account");
        assertTrue(user("tnguyen7310").isEnabled(), "reconciliation reports; it does not disable");
    }

    private String hrToken() throws Exception {
        return ServiceAccount.hrFeedToken(realm.getBaseUrl());
    }

    /** Another service account whose tokens name the HR feed: a valid token for the feed, but not the HR system. */
    private String tokenWithoutHrRole() throws Exception {
        createServiceClient("reporting-job", "reporting-job-secret", true);
        return ServiceAccount.token(realm.getBaseUrl(), "reporting-job", "reporting-job-secret");
    }

    /** A confidential client with a service account; its id. */
    private String createServiceClient(String clientId, String secret, boolean forTheHrFeed) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setSecret(secret);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        if (forTheHrFeed) {
            client.setProtocolMappers(List.of(hrFeedAudience()));
        }
        return ApiUtil.getCreatedId(realm.admin().clients().create(client));
    }

    private static ProtocolMapperRepresentation hrFeedAudience() {
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("hr feed audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.custom.audience", "hipaa-hr-feed", "access.token.claim", "true"));
        return audience;
    }

    /** Apps are told before the scheduler's transaction commits; the disabled flag is visible just after. */
    private void awaitDisabled(String username) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (user(username).isEnabled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(user(username).isEnabled(), username + " disabled");
    }

    private UserRepresentation user(String username) {
        return realm.admin().users().search(username, true).get(0);
    }

    private static boolean isAfter(StoredRecord record, long start) {
        return record.at("time") instanceof Number time && time.longValue() >= start;
    }
}
