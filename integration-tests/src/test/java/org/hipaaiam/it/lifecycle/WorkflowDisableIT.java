package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.workflows.WorkflowRepresentation;
import org.keycloak.representations.workflows.WorkflowStepRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testframework.util.ApiUtil;

/**
 * Keycloak Workflows disable accounts without any event. The bundle's step `hipaa-disable-user` ends the
 * sessions at once; a workflow using the built-in `disable-user` is caught by the disabled-account sweep.
 * Workflows are defined and run for one user through the admin API (`/admin/realms/{r}/workflows`).
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class WorkflowDisableIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    private ClinicalAppOnTestPort app;

    @BeforeEach
    void startTheApp() throws Exception {
        app = ClinicalAppOnTestPort.start(realm);
    }

    @AfterEach
    void stopTheApp() {
        app.close();
    }

    @Test
    void bundleWorkflowStepDisablesAndEndsEverySession() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "tnguyen7310");
        UserResource account = account("tnguyen7310");
        String userId = account.toRepresentation().getId();

        runWorkflow("separation-workflow", "hipaa-disable-user", userId);

        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout");
        awaitDisabled(account);
        assertSessionsGone(account, signedIn);
        StoredRecord revoked = revocation(start, userId);
        assertEquals("workflow", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("hipaa-disable-user", revoked.at("unmapped.keycloak.details.workflow_step"));
    }

    @Test
    void builtInDisableUserStepIsCaughtByTheSweep() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "mbrown5532");
        UserResource account = account("mbrown5532");
        String userId = account.toRepresentation().getId();

        runWorkflow("stock-disable-workflow", "disable-user", userId);

        assertEquals(userId, app.nextLogoutToken().get("sub"), "the sweep tells the app within seconds");
        assertFalse(account.toRepresentation().isEnabled());
        assertSessionsGone(account, signedIn);
        assertEquals("disabled-account-sweep", revocation(start, userId).at("unmapped.keycloak.details.revocation_trigger"));
    }

    /** An ad-hoc workflow (no trigger event) with one immediate step, activated for one user. */
    private void runWorkflow(String name, String step, String userId) {
        String workflowId;
        try (Response created = realm.admin().workflows().create(WorkflowRepresentation.withName(name)
                .withSteps(WorkflowStepRepresentation.create().of(step).build()).build())) {
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
            workflowId = ApiUtil.getCreatedId(created);
        }
        realm.admin().workflows().workflow(workflowId).activate("USERS", userId);
    }

    private void awaitDisabled(UserResource account) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (account.toRepresentation().isEnabled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertFalse(account.toRepresentation().isEnabled());
    }

    /** Apps are told before the worker's transaction commits; the sessions are gone from the store just after. */
    private void assertSessionsGone(UserResource account, ClinicalAppOnTestPort.SignedIn signedIn) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        long deadline = System.currentTimeMillis() + 10_000;
        while (!account.getUserSessions().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(account.getUserSessions().isEmpty(), "no online session left");
        assertTrue(account.getOfflineSessions(clientUuid).isEmpty(), "no offline session left");
        assertEquals(400, app.refresh(signedIn.onlineRefreshToken()), "the online refresh token no longer works");
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
    }

    private static StoredRecord revocation(long start, String userId) throws Exception {
        StoredRecord revoked = AuditTrail.single(r -> r.at("time") instanceof Number time && time.longValue() >= start
                && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type")) && userId.equals(r.at("user.uid")));
        assertEquals("1", revoked.at("unmapped.keycloak.details.online_sessions_ended"), revoked.text());
        assertEquals("1", revoked.at("unmapped.keycloak.details.offline_sessions_ended"), revoked.text());
        return revoked;
    }

    private UserResource account(String username) {
        return realm.admin().users().get(realm.admin().users().search(username, true).get(0).getId());
    }
}
