package org.hipaaiam.it.oidc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
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

    private CallbackReceiver app;
    private OidcDemoApp demoApp;

    @BeforeEach
    void startApp() throws Exception {
        app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback");
        demoApp = new OidcDemoApp(realm.getBaseUrl());
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
        browser.open(demoApp.authorizationUrl(Map.of(
                "code_challenge", pkce.challenge(), "code_challenge_method", "S256", "nonce", nonce, "state", state)));

        SignInPage page = new SignInPage(browser.driver());
        assertTrue(page.useNotice().contains("Authorized use only"), "the sign-in page shows the use notice");
        page.signIn(DemoRealm.CLINICIAN, DemoRealm.DEMO_PASSWORD, DemoRealm.otpSecretOf(DemoRealm.CLINICIAN));

        CallbackReceiver.Received callback = app.next();
        assertEquals(state, callback.params().get("state"));
        HttpResponse<String> tokens = demoApp.redeem(callback.params().get("code"), pkce.verifier());
        assertEquals(200, tokens.statusCode(), tokens.body());

        JWTClaimsSet idToken = verifiedIdToken(tokens.body());
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
        browser.open(demoApp.authorizationUrl(Map.of("state", "no-pkce")));

        CallbackReceiver.Received callback = app.next();
        assertEquals("invalid_request", callback.params().get("error"));
        assertTrue(callback.params().get("error_description").contains("code_challenge"), callback.params().toString());
    }

    @Test
    void codeIsRefusedWithTheWrongVerifierAndWhenReplayed() throws Exception {
        String code = signInAndTakeCode(Pkce.create());
        HttpResponse<String> wrongVerifier = demoApp.redeem(code, Pkce.create().verifier());
        assertEquals(400, wrongVerifier.statusCode());
        assertTrue(wrongVerifier.body().contains("invalid_grant"), wrongVerifier.body());

        Pkce pkce = Pkce.create();
        String second = signInAndTakeCode(pkce);
        assertEquals(200, demoApp.redeem(second, pkce.verifier()).statusCode());
        HttpResponse<String> replay = demoApp.redeem(second, pkce.verifier());
        assertEquals(400, replay.statusCode());
        assertTrue(replay.body().contains("invalid_grant"), replay.body());
    }

    /** Signs in, or reuses the SSO session when one exists, and returns the authorization code. */
    private String signInAndTakeCode(Pkce pkce) throws Exception {
        browser.open(demoApp.authorizationUrl(Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256")));
        SignInPage page = new SignInPage(browser.driver());
        if (page.isShown()) {
            page.signIn(DemoRealm.CLINICIAN, DemoRealm.DEMO_PASSWORD, DemoRealm.otpSecretOf(DemoRealm.CLINICIAN));
        }
        return app.next().params().get("code");
    }

    private JWTClaimsSet verifiedIdToken(String tokenResponse) throws Exception {
        SignedJWT jwt = SignedJWT.parse((String) JSONObjectUtils.parse(tokenResponse).get("id_token"));
        String jwks = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(demoApp.jwksUrl())).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        assertTrue(jwt.verify(new RSASSAVerifier(key)), "ID token signature verifies against the realm's JWKS");
        return jwt.getJWTClaimsSet();
    }
}
