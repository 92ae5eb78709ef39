package org.hipaaiam.bench;

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
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One fresh browser signing in to the demo app: authorization request with PKCE, the login pages' forms, the
 * redirect with the code, and the code redeemed for tokens. `clientAddress`, when set, is sent as
 * `X-Forwarded-For`, as the hospital's reverse proxy would (the server must run with `--proxy-headers=xforwarded`).
 */
final class DemoAppBrowser {

    private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text\">([^<]+)<");
    private static final String REDIRECT_URI = "http://localhost:8081/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;
    private final String clientAddress;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalCookieJar()).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String verifier = random();
    private String page;

    DemoAppBrowser(String realmUrl, String clientAddress) {
        this.realmUrl = realmUrl;
        this.clientAddress = clientAddress;
    }

    /** Opens the demo app's sign-in; returns this browser on the first login page. */
    DemoAppBrowser open() throws IOException, InterruptedException {
        String authorize = realmUrl + "/protocol/openid-connect/auth?client_id=clinical-app&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&state=" + random() + "&code_challenge_method=S256&code_challenge="
                + challenge(verifier);
        HttpResponse<String> response = http.send(request(authorize).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no login page: HTTP " + response.statusCode());
        }
        page = response.body();
        return this;
    }

    /** Submits the form with this id on the current page; returns the redirect to the app, or null on another page. */
    String submit(String formId, Map<String, String> fields) throws IOException, InterruptedException {
        Matcher action = Pattern.compile("id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"").matcher(page);
        if (!action.find()) {
            Matcher message = FEEDBACK.matcher(page);
            throw new IllegalStateException("no form " + formId + (message.find() ? " (" + message.group(1).trim() + ")" : ""));
        }
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = http.send(request(action.group(1).replace("&amp;", "&"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        // Keycloak redirects to its own pages (required actions) before it redirects back to the app
        while (response.statusCode() == 302 && !response.headers().firstValue("Location").orElse(REDIRECT_URI).startsWith(REDIRECT_URI)) {
            response = http.send(request(response.headers().firstValue("Location").get()).build(), HttpResponse.BodyHandlers.ofString());
        }
        page = response.body();
        return response.statusCode() == 302 ? response.headers().firstValue("Location").orElse(null) : null;
    }

    /** Redeems the code of the final redirect, as the demo app's back end does. */
    void redeem(String location) throws IOException, InterruptedException {
        int codeAt = location == null ? -1 : location.indexOf("code=");
        if (!location.startsWith(REDIRECT_URI) || codeAt < 0) {
            throw new IllegalStateException("sign-in did not return to the app: " + location);
        }
        String code = location.substring(codeAt + 5).split("&")[0];
        HttpResponse<Void> tokens = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "clinical-app:demo-clinical-app-secret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                                + encode(REDIRECT_URI) + "&code_verifier=" + verifier))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
        if (tokens.statusCode() != 200) {
            throw new IllegalStateException("code not redeemed: HTTP " + tokens.statusCode());
        }
    }

    /** Submits a form that must end the sign-in, and redeems the code. */
    void finish(String formId, Map<String, String> fields) throws IOException, InterruptedException {
        String location = submit(formId, fields);
        if (location == null) {
            Matcher message = FEEDBACK.matcher(page);
            throw new IllegalStateException("sign-in refused" + (message.find() ? " (" + message.group(1).trim() + ")" : ""));
        }
        redeem(location);
    }

    private HttpRequest.Builder request(String url) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
        return clientAddress == null ? builder : builder.header("X-Forwarded-For", clientAddress);
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
