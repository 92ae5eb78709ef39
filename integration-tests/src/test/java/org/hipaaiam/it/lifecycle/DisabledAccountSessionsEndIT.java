package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Stock Keycloak leaves sessions alive when an account is disabled or deleted. With the bundle, every path
 * ends them: the app is told over the back channel, offline tokens stop working, and the ledger says how many.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DisabledAccountSessionsEndIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    private ClinicalAppOnTestPort app;

    @BeforeEach
    void moveTheAppToTheTestPort() throws Exception {
        app = ClinicalAppOnTestPort.start(realm);
    }

    @AfterEach
    void stopTheApp() {
        app.close();
    }

    @Test
    void disablingInTheAdminConsoleEndsEverySessionAndTellsTheApp() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "mbrown5532");
        UserResource account = account("mbrown5532");
        String userId = account.toRepresentation().getId();

        UserRepresentation disabled = account.toRepresentation();
        disabled.setEnabled(false);
        account.update(disabled);

        assertEquals(userId, app.nextLogoutToken().get("sub"), "the app hears of the logout for this user");
        assertSessionsGone(account, signedIn);
        assertRevocationRecorded(start, userId, "admin-api");
    }

    /** SCIM refuses to touch accounts holding admin roles (Keycloak's `isAdminUser`): a clinician is used. */
    @Test
    void scimDeactivationEndsEverySessionAndTellsTheApp() throws Exception {
        long start = System.currentTimeMillis();
        ClinicalAppOnTestPort.SignedIn signedIn = app.signIn(browser, "tnguyen7310");
        UserResource account = account("tnguyen7310");
        String userId = account.toRepresentation().getId();

        HttpResponse<String> patched = ScimClient.asHrFeed(realm).deactivate(userId);
        assertEquals(200, patched.statusCode(), patched.body());
        assertFalse(account.toRepresentation().isEnabled());

        assertEquals(userId, app.nextLogoutToken().get("sub"));
        assertSessionsGone(account, signedIn);
        assertRevocationRecorded(start, userId, "scim");
    }

    @Test
    void deletingAnAccountTellsTheAppBeforeTheAccountGoes() throws Exception {
        long start = System.currentTimeMillis();
        app.signIn(browser, "adm-jsmith4821");
        String userId = account("adm-jsmith4821").toRepresentation().getId();

        realm.admin().users().delete(userId).close();

        assertEquals(userId, app.nextLogoutToken().get("sub"));
        StoredRecord revoked = assertRevocationRecorded(start, userId, "account-deleted");
        assertEquals("account_deleted", revoked.at("unmapped.keycloak.details.reason"));
    }

    private UserResource account(String username) {
        return realm.admin().users().get(realm.admin().users().search(username, true).get(0).getId());
    }

    private void assertSessionsGone(UserResource account, ClinicalAppOnTestPort.SignedIn signedIn) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        assertTrue(account.getUserSessions().isEmpty(), "no online session left");
        assertTrue(account.getOfflineSessions(clientUuid).isEmpty(), "no offline session left");
        assertEquals(400, app.refresh(signedIn.onlineRefreshToken()), "the online refresh token no longer works");
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
    }

    private static StoredRecord assertRevocationRecorded(long start, String userId, String trigger) throws Exception {
        StoredRecord revoked = AuditTrail.single(r -> r.at("time") instanceof Number time && time.longValue() >= start
                && "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type")) && userId.equals(r.at("user.uid")));
        assertEquals(trigger, revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("1", revoked.at("unmapped.keycloak.details.online_sessions_ended"), revoked.text());
        assertEquals("1", revoked.at("unmapped.keycloak.details.offline_sessions_ended"), revoked.text());
        return revoked;
    }
}
