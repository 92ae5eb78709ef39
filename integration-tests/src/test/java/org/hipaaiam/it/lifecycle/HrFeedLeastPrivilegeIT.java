package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The HR credential is no admin credential: the HR system's token (client credentials of `hr-feed`, no signature
 * needed to get one) holds no realm-management role, and the bundle accepts it only on the HR feed. A stolen HR
 * secret resets no password, reads no credential and removes no second factor, of anyone; the feed still works.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class HrFeedLeastPrivilegeIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void theHrServiceAccountHoldsNoRealmManagementRole() {
        String serviceAccountId = scene.user("service-account-" + DemoRealm.HR_FEED).getId();
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();

        assertEquals(List.of(), realm.admin().users().get(serviceAccountId).roles().clientLevel(realmManagement).listEffective()
                .stream().map(role -> role.getName()).toList(), "no realm-management role, directly or through hr-feed");
        assertTrue(realm.admin().users().get(serviceAccountId).roles().realmLevel().listAll().stream()
                .anyMatch(role -> HrFeed.ROLE.equals(role.getName())), "it is still the HR system");
    }

    @Test
    void theHrTokenResetsNoPasswordOfAnyone() throws Exception {
        AdminApi stolenHrToken = scene.adminApi(scene.hrToken());

        for (String username : List.of(DemoRealm.OTHER_CLINICIAN, DemoRealm.IAM_ADMIN)) {
            String userId = scene.user(username).getId();
            Long passwordSetAt = scene.passwordSetAt(username);

            HrFeed.Answer answer = stolenHrToken.resetPassword(userId, "Taken-over-2026!");

            HrFeed.assertRefused("token_confined", 403, answer);
            assertEquals(passwordSetAt, scene.passwordSetAt(username), username + "'s password is unchanged");
            StoredRecord refused = scene.trail().single(r -> "token_confined".equals(r.at("unmapped.keycloak.error"))
                    && ("users/" + userId + "/reset-password").equals(r.at("unmapped.keycloak.details.path")));
            assertEquals("api-refused", refused.at("unmapped.keycloak.details.hipaa_event"), refused.text());
            assertEquals("admin", refused.at("unmapped.keycloak.details.api"), refused.text());
            assertEquals(DemoRealm.HR_FEED, refused.at("unmapped.keycloak.client_id"), refused.text());
            assertFalse(refused.text().contains("Taken-over-2026!"), "the attempted password is not recorded");
        }
    }

    @Test
    void theHrTokenReadsNoCredentialAndRemovesNoSecondFactor() throws Exception {
        AdminApi stolenHrToken = scene.adminApi(scene.hrToken());
        String adminId = scene.user(DemoRealm.IAM_ADMIN).getId();
        UserResource account = scene.account(DemoRealm.IAM_ADMIN);
        String otpId = account.credentials().stream().filter(c -> LifecycleScene.OTP_CREDENTIAL.equals(c.getType())).findFirst()
                .orElseThrow().getId();

        HrFeed.assertRefused("token_confined", 403, stolenHrToken.admin("GET", "users/" + adminId + "/credentials", null));
        HrFeed.assertRefused("token_confined", 403, stolenHrToken.admin("DELETE", "users/" + adminId + "/credentials/" + otpId, null));

        assertTrue(account.credentials().stream().anyMatch(c -> otpId.equals(c.getId())), "the TOTP credential is still there");
    }

    @Test
    void theHrTokenReachesNoOtherApi() throws Exception {
        AdminApi stolenHrToken = scene.adminApi(scene.hrToken());

        HrFeed.assertRefused("token_confined", 403, stolenHrToken.admin("GET", "users", null));
        HrFeed.assertRefused("token_confined", 403, stolenHrToken.realm("GET", "hipaa-dormant-accounts", null));
        HrFeed.assertRefused("token_confined", 403, stolenHrToken.realm("POST", "hipaa-dormant-accounts", "{\"confirm\": true}"));
    }

    @Test
    void theHrFeedStillSeparatesAndShowsItsEvidence() throws Exception {
        Accounts.Account leaver = Accounts.withoutCredentials(realm, "rlopez", Map.of());
        String token = scene.hrToken();

        HrFeed.Answer separated = scene.hr.sendSigned(token, HrFeed.separation("lp-sep-" + leaver.employeeNumber(), leaver.employeeNumber()));

        assertEquals(200, separated.status(), separated.json().toString());
        assertFalse(scene.user(leaver.username()).isEnabled(), "the feed disables the account on its own authority");
        HrFeed.Answer evidence = scene.hr.evidence(token);
        assertEquals(200, evidence.status(), evidence.json().toString());
    }

}
