package org.hipaaiam.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A relying party of the realm: the demo clinical app (confidential) or the bundle's admin tools (public). It
 * builds its authorization requests, receives the browser at its redirect URI (once listening, on a real HTTP
 * endpoint) and redeems and refreshes over the back channel.
 */
public final class OidcDemoApp implements AutoCloseable {

    private final String realmUrl;
    private final String clientId;
    /** Null for a public client, which names itself in each token request instead. */
    private final String secret;
    private final String redirectUri;
    private final CallbackReceiver receiver;
    private final HttpClient http = HttpClient.newHttpClient();

    /** The app's requests and back channel only, for tests that never reach the redirect. */
    public OidcDemoApp(String realmUrl) {
        this(realmUrl, DemoRealm.OIDC_CLIENT, DemoRealm.OIDC_CLIENT_SECRET, DemoRealm.OIDC_REDIRECT_URI, null);
    }

    private OidcDemoApp(String realmUrl, String clientId, String secret, String redirectUri, CallbackReceiver receiver) {
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.secret = secret;
        this.redirectUri = redirectUri;
        this.receiver = receiver;
    }

    /** The app on its demo port, receiving its sign-in callbacks. */
    public static OidcDemoApp listen(String realmUrl) throws IOException {
        return new OidcDemoApp(realmUrl, DemoRealm.OIDC_CLIENT, DemoRealm.OIDC_CLIENT_SECRET, DemoRealm.OIDC_REDIRECT_URI,
                CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback"));
    }

    /** The same client answering on another port, for every path there (sign-in callbacks and back-channel logouts). */
    public static OidcDemoApp listenOn(String realmUrl, int port) throws IOException {
        return new OidcDemoApp(realmUrl, DemoRealm.OIDC_CLIENT, DemoRealm.OIDC_CLIENT_SECRET, redirectUriOn(port),
                CallbackReceiver.listen(port, "/"));
    }

    /** The bundle's admin tools as a tool on an admin's machine runs them: a public client listening on the loopback address. */
    public static OidcDemoApp adminTools(String realmUrl) throws IOException {
        return new OidcDemoApp(realmUrl, DemoRealm.ADMIN_TOOLS_CLIENT, null, DemoRealm.ADMIN_TOOLS_REDIRECT_URI,
                CallbackReceiver.listen("127.0.0.1", DemoRealm.ADMIN_TOOLS_PORT, "/callback"));
    }

    /** Another confidential client of the realm whose browser comes back to `redirectUri`, received elsewhere. */
    public static OidcDemoApp client(String realmUrl, String clientId, String secret, String redirectUri) {
        return new OidcDemoApp(realmUrl, clientId, secret, redirectUri, null);
    }

    public static String redirectUriOn(int port) {
        return "http://localhost:" + port + "/callback";
    }

    public String realmUrl() {
        return realmUrl;
    }

    public String authorizationUrl(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", clientId);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", redirectUri);
        params.putAll(extra);
        return realmUrl + "/protocol/openid-connect/auth?" + form(params);
    }

    /** An authorization request with the PKCE challenge the realm requires, and any other parameters. */
    public String authorizationUrl(Pkce pkce, Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>(extra);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        return authorizationUrl(params);
    }

    /** The next request that reached the app; fails the test if none arrives. */
    public CallbackReceiver.Received next() throws InterruptedException {
        if (receiver == null) {
            throw new IllegalStateException("The app is not listening");
        }
        return receiver.next();
    }

    public HttpResponse<String> redeem(String code, String codeVerifier) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", redirectUri);
        params.put("code_verifier", codeVerifier);
        return tokenRequest(params);
    }

    public HttpResponse<String> refresh(String refreshToken) throws IOException, InterruptedException {
        return tokenRequest(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }

    public String jwksUrl() {
        return realmUrl + "/protocol/openid-connect/certs";
    }

    private HttpResponse<String> tokenRequest(Map<String, String> params) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded");
        Map<String, String> form = new LinkedHashMap<>(params);
        if (secret == null) {
            form.put("client_id", clientId);
        } else {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            request.header("Authorization", "Basic " + basic);
        }
        return http.send(request.POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
    }

    public static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    @Override
    public void close() {
        if (receiver != null) {
            receiver.close();
        }
    }
}
