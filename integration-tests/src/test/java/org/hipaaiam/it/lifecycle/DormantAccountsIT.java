package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Accounts nobody signed in to for the realm's number of days (`hipaa.dormant.days`) are reported and, when
 * IAM confirms, disabled with their sessions ended. The server's clock is moved ahead instead of waiting.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DormantAccountsIT {

    // A fresh realm per test: the test disables accounts of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void accountsIdleLongerThanTheRealmAllowsAreReportedThenDisabled() throws Exception {
        scene.signIn(DemoRealm.OTHER_CLINICIAN);
        assertNotNull(scene.user(DemoRealm.OTHER_CLINICIAN).getAttributes().get("hipaa.lastSignInAt"), "the sign-in is stamped on the account");
        scene.setRealmAttribute("hipaa.dormant.days", "30");

        scene.serverClockAhead(Duration.ofDays(31));
        String newcomer = Accounts.withoutCredentials(realm, "pkhan", Map.of()).username();
        String token = scene.iamAdminToken();

        HrFeed.Answer report = scene.hr.dormant(token);
        assertEquals(200, report.status(), report.json().toString());
        assertEquals(30, report.json().get("days"));
        Set<Object> dormant = report.usernames("dormant");
        assertTrue(dormant.containsAll(Set.of(DemoRealm.OTHER_CLINICIAN, DemoRealm.CLINICIAN, DemoRealm.PRIVACY_OFFICER)),
                "31 days without a sign-in: " + dormant);
        assertFalse(dormant.contains(newcomer), "created a day ago, never signed in yet: not dormant");
        assertFalse(dormant.contains("svc-epic-hl7"), "service accounts are meant to sit idle");
        Map<?, ?> signedInBefore = ((List<?>) report.json().get("dormant")).stream().map(a -> (Map<?, ?>) a)
                .filter(a -> DemoRealm.OTHER_CLINICIAN.equals(a.get("username"))).findFirst().orElseThrow();
        assertNotNull(signedInBefore.get("lastSignInAt"));
        assertEquals(31, signedInBefore.get("idleDays"));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "the report changes nothing");

        HrFeed.assertRefused("confirmation_required", 400, scene.hr.disableDormant(token, "{}"));
        String reportingJob = scene.dormantAccountsTokenWithoutUserRoles();
        HrFeed.assertRefused("forbidden", 403, scene.hr.disableDormant(reportingJob, "{\"confirm\": true}"));
        HrFeed.assertRefused("forbidden", 403, scene.hr.dormant(reportingJob));
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "refusals change nothing");

        HrFeed.Answer disabled = scene.hr.disableDormant(token, "{\"confirm\": true}");

        assertEquals(200, disabled.status(), disabled.json().toString());
        assertTrue(disabled.usernames("disabled").containsAll(Set.of(DemoRealm.OTHER_CLINICIAN, DemoRealm.CLINICIAN)));
        assertFalse(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled());
        assertTrue(scene.user(newcomer).isEnabled());
        assertTrue(scene.user("svc-epic-hl7").isEnabled());
        String userId = scene.user(DemoRealm.OTHER_CLINICIAN).getId();
        assertEquals("dormant-account", scene.revocationOf(userId).at("unmapped.keycloak.details.revocation_trigger"));

        // On the moved clock the sign-in's sessions had expired, so none were ended; with the clock set back they
        // count as alive again, and the sweep of disabled accounts ends them.
        scene.serverClockAhead(Duration.ZERO);
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        UserResource account = realm.admin().users().get(userId);
        long deadline = System.currentTimeMillis() + 15_000;
        while ((!account.getUserSessions().isEmpty() || !account.getOfflineSessions(clientUuid).isEmpty()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(account.getUserSessions().isEmpty() && account.getOfflineSessions(clientUuid).isEmpty(), "the sweep ended them");
    }
}
