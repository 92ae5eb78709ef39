package org.hipaaiam.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * Keycloak's own account console, the application every realm has: a public client with PKCE, so a sign-in can be
 * completed without any client secret the realm file may or may not hold.
 */
final class AccountConsole {

    private static final String CLIENT_ID = "account-console";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SSLContext tls;
    private final String realmUrl;
    private final String redirectUri;
    private final String verifier = random();

    AccountConsole(SSLContext tls, String realmUrl) {
        this.tls = tls;
        this.realmUrl = realmUrl;
        this.redirectUri = realmUrl + "/account/";
    }

    /** A fresh browser on the first login page of the console's authorization request. */
    LoginPages open() throws IOException, InterruptedException {
        return open(Map.of());
    }

    /** The same with more parameters on the authorization request, e.g. `kc_action` for an application-initiated action. */
    LoginPages open(Map<String, String> parameters) throws IOException, InterruptedException {
        return open(new LoginPages(tls, redirectUri), parameters);
    }

    /**
     * The console's authorization request in a browser that may already hold a session: with single sign-on the
     * login pages send it straight back to the console.
     */
    LoginPages open(LoginPages browser) throws IOException, InterruptedException {
        return open(browser, Map.of());
    }

    LoginPages open(LoginPages browser, Map<String, String> parameters) throws IOException, InterruptedException {
        StringBuilder more = new StringBuilder();
        parameters.forEach((name, value) -> more.append('&').append(encode(name)).append('=').append(encode(value)));
        browser.open(realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID + "&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(redirectUri) + "&state=" + random() + "&code_challenge_method=S256&code_challenge=" + challenge()
                + more);
        return browser;
    }

    /** Redeems the code the login pages sent back, as the console does, and asks who signed in. */
    String signedInUser(LoginPages browser) throws IOException, InterruptedException {
        URI back = browser.redirectToApplication().orElseThrow(() -> new AssertionError("the login pages did not send the browser back"));
        String code = Arrays.stream(back.getQuery().split("&")).filter(p -> p.startsWith("code=")).findFirst()
                .orElseThrow(() -> new AssertionError("no code in " + back)).substring("code=".length());
        HttpClient http = HttpClient.newBuilder().sslContext(tls).build();
        HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&client_id=" + CLIENT_ID
                        + "&code=" + code + "&redirect_uri=" + encode(redirectUri) + "&code_verifier=" + verifier)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (tokens.statusCode() != 200) {
            throw new AssertionError("code not redeemed: HTTP " + tokens.statusCode() + " " + tokens.body());
        }
        String accessToken = JSON.readTree(tokens.body()).get("access_token").asText();
        HttpResponse<String> userInfo = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        JsonNode claims = JSON.readTree(userInfo.body());
        return claims.path("preferred_username").asText();
    }

    private String challenge() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
