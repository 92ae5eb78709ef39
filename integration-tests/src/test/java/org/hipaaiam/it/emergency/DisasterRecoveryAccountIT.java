package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.it.support.NewPasswordPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Every sign-in of a disaster-recovery account alerts the Privacy Office and forces a new password at once. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DisasterRecoveryAccountIT {

    static final String DR_ACCOUNT = "adm-dreyes9001";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @Test
    void eachSignInAlertsAndRotatesThePassword() throws Exception {
        BreakGlassBrowser account = scene.clinician;
        String password = DemoRealm.DEMO_PASSWORD;
        for (String next : new String[] {"sealed-envelope-2026-b", "sealed-envelope-2026-c"}) {
            account.forgetSessions();
            account.request(null, null);
            account.signInPage().signIn(DR_ACCOUNT, password);

            Map<?, ?> alert = scene.privacyOffice.nextAlertNamed("break-glass-dr-sign-in");
            assertEquals(DR_ACCOUNT, PrivacyOffice.usernameOf(alert));
            NewPasswordPage newPassword = account.newPasswordPage();
            assertTrue(newPassword.isShown(), "the sign-in stops at a new password: " + account.pageSource());
            newPassword.choose(next);
            assertNotNull(scene.app.next().params().get("code"), "with the password rotated the sign-in completes");
            password = next;
        }
        assertTrue(scene.trail().records(r -> "break-glass-dr-sign-in".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && DR_ACCOUNT.equals(r.at("user.name"))).size() >= 2, "both sign-ins are in the audit trail");
    }

    @Test
    void aRealmThatDoesNotEnableThePoliciesLeavesTheAccountAlone() throws Exception {
        scene.setRealmAttribute(BundleScope.POLICIES_ENABLED, "false");
        BreakGlassBrowser account = scene.clinician;
        account.request(null, null);
        account.signInPage().signIn(DR_ACCOUNT, DemoRealm.DEMO_PASSWORD);
        assertNotNull(scene.app.next().params().get("code"), "the sign-in completes without a password change: " + account.pageSource());
    }
}
