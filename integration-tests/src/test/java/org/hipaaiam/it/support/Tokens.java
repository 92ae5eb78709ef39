package org.hipaaiam.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The tokens a test holds, and every way it gets them: a machine's (client credentials of a service account), a
 * person's (the realm's browser sign-in through an app, the demo app or the bundle's admin tools, the code redeemed
 * with its PKCE verifier) and the IAM admin's (that same sign-in as the `adm-` account through the admin tools, whose
 * tokens the bundle's APIs accept). Claims are read as issued;
 * a test that must trust an ID token verifies it with {@link IdTokens}.
 */
public record Tokens(String accessToken, String idToken, String refreshToken, JWTClaimsSet access, JWTClaimsSet id) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A machine caller such as the HR system: the client-credentials grant of a confidential client. */
    public static Tokens ofServiceAccount(String realmUrl, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        return of(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** A person's tokens: a fresh browser signs in (password, one-time code) and the app redeems the code. */
    public static Tokens signIn(ManagedWebDriver browser, OidcDemoApp app, String username) throws Exception {
        Pkce pkce = Pkce.create();
        SignInPage.openFresh(browser, app.realmUrl(), app.authorizationUrl(pkce, Map.of())).signIn(username);
        return redeem(app, pkce);
    }

    /** Another authorization on the browser's existing SSO session, e.g. for more scopes; nobody signs in. */
    public static Tokens throughSession(ManagedWebDriver browser, OidcDemoApp app, Map<String, String> extra) throws Exception {
        Pkce pkce = Pkce.create();
        browser.open(app.authorizationUrl(pkce, extra));
        return redeem(app, pkce);
    }

    /** The IAM admin (realm-admin through the `iam-admin` role), signed in like any person to the admin tools. */
    public static Tokens iamAdmin(ManagedWebDriver browser, OidcDemoApp adminTools) throws Exception {
        return signIn(browser, adminTools, DemoRealm.IAM_ADMIN);
    }

    /** The app's next callback, redeemed with the verifier of the request that led to it. */
    public static Tokens redeem(OidcDemoApp app, Pkce pkce) throws Exception {
        CallbackReceiver.Received callback = app.next();
        String code = callback.params().get("code");
        if (!"/callback".equals(callback.path()) || code == null) {
            throw new AssertionError("Expected the sign-in callback with a code, got " + callback);
        }
        return of(app.redeem(code, pkce.verifier()));
    }

    /** A token endpoint's answer; anything but 200 fails the test with the endpoint's reason. */
    public static Tokens of(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            throw new AssertionError("token response " + response.statusCode() + ": " + response.body());
        }
        Map<?, ?> body = JSON.readValue(response.body(), Map.class);
        String access = (String) body.get("access_token");
        String id = (String) body.get("id_token");
        return new Tokens(access, id, (String) body.get("refresh_token"), SignedJWT.parse(access).getJWTClaimsSet(),
                id == null ? null : SignedJWT.parse(id).getJWTClaimsSet());
    }

    /** What the app gets when it refreshes these tokens over the back channel. */
    public Tokens refreshed(OidcDemoApp app) throws Exception {
        return of(app.refresh(refreshToken));
    }
}
