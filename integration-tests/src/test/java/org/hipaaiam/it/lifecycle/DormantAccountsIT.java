package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.InjectTimeOffSet;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testframework.util.ApiUtil;

/**
 * Accounts nobody signed in to for the realm's number of days (`hipaa.dormant.days`) are reported and, when
 * IAM confirms, disabled with their sessions ended. The server's clock is moved ahead instead of waiting.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DormantAccountsIT {

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
    void accountsIdleLongerThanTheRealmAllowsAreReportedThenDisabled() throws Exception {
        long start = System.currentTimeMillis();
        app.signIn(browser, "tnguyen7310");
        assertNotNull(user("tnguyen7310").getAttributes().get("hipaa.lastSignInAt"), "the sign-in is stamped on the account");
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put("hipaa.dormant.days", "30");
        realm.admin().update(rep);
        createClientWithoutUserRoles();

        timeOffSet.set(Duration.ofDays(31));
        Employees.create(realm, "pkhan2222", "2222");
        String token = hrToken();

        HrFeed.Answer report = hr.dormant(token);
        assertEquals(200, report.status(), report.json().toString());
        assertEquals(30, report.json().get("days"));
        Set<Object> dormant = report.usernames("dormant");
        assertTrue(dormant.containsAll(Set.of("tnguyen7310", "jsmith4821", "mbrown5532")), "31 days without a sign-in: " + dormant);
        assertFalse(dormant.contains("pkhan2222"), "created a day ago, never signed in yet: not dormant");
        assertFalse(dormant.contains("svc-epic-hl7"), "service accounts are meant to sit idle");
        Map<?, ?> signedInBefore = ((List<?>) report.json().get("dormant")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> "tnguyen7310".equals(a.get("username"))).findFirst().orElseThrow();
        assertNotNull(signedInBefore.get("lastSignInAt"));
        assertEquals(31, signedInBefore.get("idleDays"));
        assertTrue(user("tnguyen7310").isEnabled(), "the report changes nothing");

        HrFeed.assertRefused("confirmation_required", 400, hr.disableDormant(token, "{}"));
        String reportingJob = ServiceAccount.token(realm.getBaseUrl(), "reporting-job", "reporting-job-secret");
        HrFeed.assertRefused("forbidden", 403, hr.disableDormant(reportingJob, "{\"confirm\": true}"));
        HrFeed.assertRefused("forbidden", 403, hr.dormant(reportingJob));
        assertTrue(user("tnguyen7310").isEnabled(), "refusals change nothing");

        HrFeed.Answer disabled = hr.disableDormant(token, "{\"confirm\": true}");

        assertEquals(200, disabled.status(), disabled.json().toString());
        assertTrue(disabled.usernames("disabled").containsAll(Set.of("tnguyen7310", "jsmith4821")));
        assertFalse(user("tnguyen7310").isEnabled());
        assertTrue(user("pkhan2222").isEnabled());
        assertTrue(user("svc-epic-hl7").isEnabled());
        String userId = user("tnguyen7310").getId();
        assertEquals("dormant-account", AuditTrail.single(r -> r.at("time") instanceof Number time && time.longValue() >= start
                && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type")) && userId.equals(r.at("user.uid")))
                .at("unmapped.keycloak.details.revocation_trigger"));

        // On the moved clock the sign-in's sessions had expired, so none were ended; with the clock set back they
        // count as alive again, and the sweep of disabled accounts ends them.
        timeOffSet.set(0);
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        UserResource account = realm.admin().users().get(userId);
        long deadline = System.currentTimeMillis() + 15_000;
        while ((!account.getUserSessions().isEmpty() || !account.getOfflineSessions(clientUuid).isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(account.getUserSessions().isEmpty() && account.getOfflineSessions(clientUuid).isEmpty(), "the sweep ended them");
    }

    /** Any other service account: a valid token, but it may neither view nor manage users. */
    private void createClientWithoutUserRoles() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("reporting-job");
        client.setSecret("reporting-job-secret");
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        ApiUtil.getCreatedId(realm.admin().clients().create(client));
    }

    private String hrToken() throws Exception {
        return ServiceAccount.hrFeedToken(realm.getBaseUrl());
    }

    private UserRepresentation user(String username) {
        return realm.admin().users().search(username, true).get(0);
    }
}
