package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Stock Keycloak leaves sessions alive when an account is disabled or deleted. With the bundle, every path
 * ends them: the app is told over the back channel, offline tokens stop working, and the ledger says how many.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DisabledAccountSessionsEndIT {

    // A fresh realm per test: each test disables or deletes an account of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void disablingInTheAdminConsoleEndsEverySessionAndTellsTheApp() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.PRIVACY_OFFICER);
        UserResource account = scene.account(DemoRealm.PRIVACY_OFFICER);
        String userId = signedIn.userId();

        UserRepresentation disabled = account.toRepresentation();
        disabled.setEnabled(false);
        account.update(disabled);

        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout for this user");
        scene.assertSessionsGone(account, signedIn);
        assertRevocationRecorded(userId, "admin-api");
    }

    /** SCIM refuses to touch accounts holding admin roles (Keycloak's `isAdminUser`): a clinician is used. */
    @Test
    void scimDeactivationEndsEverySessionAndTellsTheApp() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.OTHER_CLINICIAN);
        UserResource account = scene.account(DemoRealm.OTHER_CLINICIAN);
        String userId = signedIn.userId();

        HttpResponse<String> patched = ScimClient.provisioning(realm).deactivate(userId);
        assertEquals(200, patched.statusCode(), patched.body());
        assertFalse(account.toRepresentation().isEnabled());

        assertEquals(userId, scene.app.nextLogoutToken().get("sub"));
        scene.assertSessionsGone(account, signedIn);
        assertRevocationRecorded(userId, "scim");
    }

    @Test
    void deletingAnAccountTellsTheAppBeforeTheAccountGoes() throws Exception {
        scene.signIn(DemoRealm.IAM_ADMIN);
        String userId = scene.user(DemoRealm.IAM_ADMIN).getId();

        realm.admin().users().delete(userId).close();

        assertEquals(userId, scene.app.nextLogoutToken().get("sub"));
        StoredRecord revoked = assertRevocationRecorded(userId, "account-deleted");
        assertEquals("account_deleted", revoked.at("unmapped.keycloak.details.reason"));
    }

    private StoredRecord assertRevocationRecorded(String userId, String trigger) throws Exception {
        StoredRecord revoked = scene.revocationOf(userId);
        assertEquals(trigger, revoked.at("unmapped.keycloak.details.revocation_trigger"));
        LifecycleScene.assertBothSessionsCounted(revoked);
        return revoked;
    }
}
