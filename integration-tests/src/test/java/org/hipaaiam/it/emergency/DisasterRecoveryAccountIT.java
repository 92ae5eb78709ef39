package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.SignInPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.openqa.selenium.By;

/** Every sign-in of a disaster-recovery account alerts the Privacy Office and forces a new password at once. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class DisasterRecoveryAccountIT {

    static final String DR_ACCOUNT = "adm-dreyes9001";

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void eachSignInAlertsAndRotatesThePassword() throws Exception {
        try (CallbackReceiver app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback");
             PrivacyOffice privacyOffice = PrivacyOffice.listen(realm)) {
            BreakGlassBrowser account = new BreakGlassBrowser(browser, realm.getBaseUrl());
            String password = DemoRealm.DEMO_PASSWORD;
            for (String next : new String[] {"sealed-envelope-2026-b", "sealed-envelope-2026-c"}) {
                account.forgetSessions();
                account.request(null, null);
                SignInPage page = new SignInPage(browser.driver());
                page.submitPassword(DR_ACCOUNT, password);
                page.submitOneTimeCode(OneTimeCodes.next(DR_ACCOUNT));

                Map<?, ?> alert = privacyOffice.nextAlertNamed("break-glass-dr-sign-in");
                assertEquals(DR_ACCOUNT, PrivacyOffice.usernameOf(alert));
                assertTrue(!browser.driver().findElements(By.id("password-new")).isEmpty(),
                        "the sign-in stops at a new password: " + account.pageSource());
                browser.driver().findElement(By.id("password-new")).sendKeys(next);
                browser.driver().findElement(By.id("password-confirm")).sendKeys(next);
                browser.driver().findElement(By.id("kc-submit")).click();
                assertNotNull(app.next().params().get("code"), "with the password rotated the sign-in completes");
                password = next;
            }
            assertTrue(AuditTrail.records(r -> "break-glass-dr-sign-in".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                    && DR_ACCOUNT.equals(r.at("user.name"))).size() >= 2, "both sign-ins are in the audit trail");
        }
    }

    @Test
    void aRealmThatDoesNotEnableThePoliciesLeavesTheAccountAlone() throws Exception {
        PrivacyOffice.setRealmAttribute(realm, BundleScope.POLICIES_ENABLED, "false");
        try (CallbackReceiver app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback")) {
            BreakGlassBrowser account = new BreakGlassBrowser(browser, realm.getBaseUrl());
            account.forgetSessions();
            account.request(null, null);
            SignInPage page = new SignInPage(browser.driver());
            page.submitPassword(DR_ACCOUNT, DemoRealm.DEMO_PASSWORD);
            page.submitOneTimeCode(OneTimeCodes.next(DR_ACCOUNT));
            assertNotNull(app.next().params().get("code"), "the sign-in completes without a password change: " + account.pageSource());
        }
    }
}
