package org.hipaaiam.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.IdTokens;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.annotations.InjectWebDriver;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/** A clinician signs in through the real login pages and the demo OIDC app receives her ID token. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class ClinicianOidcSignInIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectWebDriver
    ManagedWebDriver browser;

    private OidcDemoApp app;

    @BeforeEach
    void startApp() throws Exception {
        app = OidcDemoApp.listen(realm.getBaseUrl());
    }

    @AfterEach
    void stopApp() {
        app.close();
    }

    @Test
    void clinicianSignInGivesTheAppASignedIdTokenForHer() throws Exception {
        Pkce pkce = Pkce.create();
        String nonce = UUID.randomUUID().toString();
        String state = UUID.randomUUID().toString();
        browser.open(app.authorizationUrl(pkce, Map.of("nonce", nonce, "state", state)));

        SignInPage page = new SignInPage(browser.driver());
        assertTrue(page.useNotice().contains("Authorized use only"), "the sign-in page shows the use notice");
        page.signIn(DemoRealm.CLINICIAN);

        CallbackReceiver.Received callback = app.next();
        assertEquals(state, callback.params().get("state"));
        HttpResponse<String> tokens = app.redeem(callback.params().get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());

        JWTClaimsSet idToken = IdTokens.verified(app.jwksUrl(), tokens.body());
        assertEquals(realm.getBaseUrl(), idToken.getIssuer());
        assertTrue(idToken.getAudience().contains(DemoRealm.OIDC_CLIENT));
        assertEquals(nonce, idToken.getStringClaim("nonce"));
        assertEquals(DemoRealm.CLINICIAN, idToken.getStringClaim("preferred_username"));
        assertEquals(DemoRealm.CLINICIAN_EMPLOYEE_NUMBER, idToken.getStringClaim("employee_number"));
        assertTrue(idToken.getStringListClaim("amr").containsAll(List.of("pwd", "otp")),
                "amr names both factors: " + idToken.getClaim("amr"));
    }

    @Test
    void authorizationRequestWithoutPkceIsRefused() throws Exception {
        browser.open(app.authorizationUrl(Map.of("state", "no-pkce")));

        CallbackReceiver.Received callback = app.next();
        assertEquals("invalid_request", callback.params().get("error"));
        assertTrue(callback.params().get("error_description").contains("code_challenge"), callback.params().toString());
    }

    @Test
    void codeIsRefusedWithTheWrongVerifierAndWhenReplayed() throws Exception {
        String code = signInAndTakeCode(Pkce.create());
        HttpResponse<String> wrongVerifier = app.redeem(code, Pkce.create().verifier());
        assertEquals(400, wrongVerifier.statusCode());
        assertTrue(wrongVerifier.body().contains("invalid_grant"), wrongVerifier.body());

        Pkce pkce = Pkce.create();
        String second = signInAndTakeCode(pkce);
        assertEquals(200, app.redeem(second, pkce.verifier()).statusCode());
        HttpResponse<String> replay = app.redeem(second, pkce.verifier());
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("invalid_grant"), replay.body());
    }

    /** Signs in, or reuses the SSO session when one exists, and returns the authorization code. */
    private String signInAndTakeCode(Pkce pkce) throws Exception {
        browser.open(app.authorizationUrl(pkce, Map.of()));
        SignInPage page = new SignInPage(browser.driver());
        if (page.isShown()) {
            page.signIn(DemoRealm.CLINICIAN);
        }
        return app.next().params().get("code");
    }
}
