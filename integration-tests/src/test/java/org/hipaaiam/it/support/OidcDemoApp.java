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

/** What the demo clinical app does over the back channel: build the authorization URL and redeem a code. */
public final class OidcDemoApp {

    private final String realmUrl;
    private final String redirectUri;
    private final HttpClient http = HttpClient.newHttpClient();

    public OidcDemoApp(String realmUrl) {
        this(realmUrl, DemoRealm.OIDC_REDIRECT_URI);
    }

    /** The same client answering on another redirect URI, for tests whose receivers must not use the demo port. */
    public OidcDemoApp(String realmUrl, String redirectUri) {
        this.realmUrl = realmUrl;
        this.redirectUri = redirectUri;
    }

    public String authorizationUrl(Map<String, String> extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", DemoRealm.OIDC_CLIENT);
        params.put("response_type", "code");
        params.put("scope", "openid");
        params.put("redirect_uri", redirectUri);
        params.putAll(extra);
        return realmUrl + "/protocol/openid-connect/auth?" + form(params);
    }

    public HttpResponse<String> redeem(String code, String codeVerifier) throws IOException, InterruptedException {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("grant_type", "authorization_code");
        params.put("code", code);
        params.put("redirect_uri", redirectUri);
        params.put("code_verifier", codeVerifier);
        String basic = Base64.getEncoder().encodeToString(
                (DemoRealm.OIDC_CLIENT + ":" + DemoRealm.OIDC_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(params)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public String jwksUrl() {
        return realmUrl + "/protocol/openid-connect/certs";
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
