package org.hipaaiam.it.bruteforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.SignInPage;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** Wrong passwords fail with one generic message and are counted by brute-force protection until lockout. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class PasswordFailureIT {

    private static final String GENERIC_ERROR = "Invalid username or password.";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    @Test
    void wrongPasswordFailsAndIsCounted() {
        SignInPage page = openSignIn();
        page.submitPassword("tnguyen7310", "not-the-password");

        assertFalse(page.asksForOneTimeCode());
        assertEquals(GENERIC_ERROR, page.error());
        Map<String, Object> status = bruteForceStatus("tnguyen7310");
        assertEquals(1, ((Number) status.get("numFailures")).intValue(), status.toString());
    }

    @Test
    void unknownUserGetsTheSameMessageAsAWrongPassword() {
        SignInPage page = openSignIn();
        page.submitPassword("nobody0000", "not-the-password");
        assertEquals(GENERIC_ERROR, page.error());
    }

    @Test
    void fiveFailuresLockTheAccountAndTheRightPasswordIsThenRefused() {
        for (int attempt = 0; attempt < 5; attempt++) {
            openSignIn().submitPassword("mbrown5532", "wrong-" + attempt);
        }
        Map<String, Object> status = bruteForceStatus("mbrown5532");
        assertEquals(Boolean.TRUE, status.get("disabled"), status.toString());

        SignInPage page = openSignIn();
        page.submitPassword("mbrown5532", DemoRealm.DEMO_PASSWORD);
        assertFalse(page.asksForOneTimeCode(), "a locked account does not reach the second factor");
        assertEquals(GENERIC_ERROR, page.error(), "lockout is not revealed to the person at the keyboard");
    }

    private SignInPage openSignIn() {
        return SignInPage.openFresh(browser, realm.getBaseUrl());
    }

    private Map<String, Object> bruteForceStatus(String username) {
        String userId = realm.admin().users().search(username, true).get(0).getId();
        return realm.admin().attackDetection().bruteForceUserStatus(userId);
    }
}
