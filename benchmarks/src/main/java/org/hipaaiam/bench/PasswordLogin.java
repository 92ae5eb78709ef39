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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One complete browser sign-in of the demo app, as a fresh browser does it: authorization request with PKCE,
 * the login form, the redirect with the code, and the code redeemed for tokens.
 */
final class PasswordLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern FEEDBACK = Pattern.compile("kc-feedback-text\">([^<]+)<");
    private static final String REDIRECT_URI = "http://localhost:8081/callback";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realmUrl;

    PasswordLogin(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** Signs in once; throws if any step does not answer as a successful sign-in does. */
    void run(String username, String password) throws IOException, InterruptedException {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalCookieJar()).followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = random();
        String authorize = realmUrl + "/protocol/openid-connect/auth?client_id=clinical-app&response_type=code&scope=openid"
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&state=" + random() + "&code_challenge_method=S256&code_challenge="
                + challenge(verifier);
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorize)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(page.body());
        if (page.statusCode() != 200 || !action.find()) {
            throw new IllegalStateException("no login form: HTTP " + page.statusCode());
        }
        HttpResponse<String> submitted = browser.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(username) + "&password=" + encode(password)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        String location = submitted.headers().firstValue("Location").orElse("");
        int codeAt = location.indexOf("code=");
        if (submitted.statusCode() != 302 || !location.startsWith(REDIRECT_URI) || codeAt < 0) {
            Matcher message = FEEDBACK.matcher(submitted.body());
            throw new IllegalStateException("sign-in refused: HTTP " + submitted.statusCode()
                    + (message.find() ? " (" + message.group(1).trim() + ")" : ""));
        }
        String code = location.substring(codeAt + 5).split("&")[0];
        HttpResponse<Void> tokens = browser.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
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
