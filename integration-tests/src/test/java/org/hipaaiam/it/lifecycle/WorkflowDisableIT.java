package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.workflows.WorkflowRepresentation;
import org.keycloak.representations.workflows.WorkflowStepRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/**
 * Keycloak Workflows disable accounts without any event. The bundle's step `hipaa-disable-user` ends the
 * sessions at once; a workflow using the built-in `disable-user` is caught by the disabled-account sweep.
 * Workflows are defined and run for one user through the admin API (`/admin/realms/{r}/workflows`).
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class WorkflowDisableIT {

    // A fresh realm per test: each test disables an account of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void bundleWorkflowStepDisablesAndEndsEverySession() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.OTHER_CLINICIAN);
        UserResource account = scene.account(DemoRealm.OTHER_CLINICIAN);
        String userId = signedIn.userId();

        runWorkflow("separation-workflow", "hipaa-disable-user", userId);

        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout");
        scene.awaitEnabled(DemoRealm.OTHER_CLINICIAN, false, Duration.ofSeconds(10));
        assertSessionsGoneSoon(account, signedIn);
        StoredRecord revoked = revocation(userId);
        assertEquals("workflow", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("hipaa-disable-user", revoked.at("unmapped.keycloak.details.workflow_step"));
    }

    @Test
    void builtInDisableUserStepIsCaughtByTheSweep() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.PRIVACY_OFFICER);
        UserResource account = scene.account(DemoRealm.PRIVACY_OFFICER);
        String userId = signedIn.userId();

        runWorkflow("stock-disable-workflow", "disable-user", userId);

        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the sweep tells the app within seconds");
        assertFalse(account.toRepresentation().isEnabled());
        assertSessionsGoneSoon(account, signedIn);
        assertEquals("disabled-account-sweep", revocation(userId).at("unmapped.keycloak.details.revocation_trigger"));
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

    /** Apps are told before the worker's transaction commits; the sessions are gone from the store just after. */
    private void assertSessionsGoneSoon(UserResource account, ClinicalAppOnTestPort.SignedIn signedIn) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (!account.getUserSessions().isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        scene.assertSessionsGone(account, signedIn);
    }

    private StoredRecord revocation(String userId) throws Exception {
        StoredRecord revoked = scene.revocationOf(userId);
        LifecycleScene.assertBothSessionsCounted(revoked);
        return revoked;
    }
}
