package org.hipaaiam.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The `clinical-app` relying party of the demo realm, served at http://localhost:8081 by the run command so a
 * newcomer can watch the whole OIDC flow: authorization code with PKCE, the ID token's claims, and the
 * back-channel logouts Keycloak sends, and the bundle's idle-lock script on the signed-in page. Demo only: it keeps everything in memory and trusts the token it
 * fetched itself from the token endpoint instead of checking the signature.
 */
final class DemoClinicalApp {

    static final int PORT = 8081;
    private static final String CLIENT_ID = "clinical-app";
    private static final String CLIENT_SECRET = "demo-clinical-app-secret";
    private static final String REDIRECT_URI = "http://localhost:" + PORT + "/callback";
    private static final Pattern ID_TOKEN = member("id_token");
    private static final Pattern ACCESS_TOKEN = member("access_token");
    private static final Pattern REFRESH_TOKEN = member("refresh_token");
    private static final String SESSION_COOKIE = "demo_session";

    /** The tokens of one signed-in browser, kept by the app (never given to the page but the access token). */
    private record SignedIn(String accessToken, String refreshToken, Instant renewAfter) {
    }

    private final String realmUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> verifierByState = new ConcurrentHashMap<>();
    private final List<String> backChannelLogouts = new CopyOnWriteArrayList<>();
    private final Map<String, SignedIn> signedIn = new ConcurrentHashMap<>();
    private HttpServer server;

    DemoClinicalApp(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", PORT), 10);
        server.createContext("/", this::home);
        server.createContext("/login", this::login);
        server.createContext("/callback", this::callback);
        server.createContext("/backchannel-logout", this::backChannelLogout);
        server.createContext("/token", this::token);
        server.start();
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void home(HttpExchange exchange) throws IOException {
        StringBuilder logouts = new StringBuilder();
        for (String logout : backChannelLogouts) {
            logouts.append("<li><pre>").append(escape(logout)).append("</pre></li>");
        }
        respond(exchange, 200, "<h1>Demo clinical app</h1><p><a href=\"/login\">Sign in with the hospital account</a></p>"
                + "<h2>Back-channel logouts received</h2><ul>" + logouts + "</ul>");
    }

    private void login(HttpExchange exchange) throws IOException {
        String state = randomToken();
        String verifier = randomToken();
        verifierByState.put(state, verifier);
        String url = realmUrl + "/protocol/openid-connect/auth?client_id=" + CLIENT_ID
                + "&response_type=code&scope=openid&redirect_uri=" + encode(REDIRECT_URI)
                + "&state=" + state + "&code_challenge_method=S256&code_challenge=" + challenge(verifier);
        exchange.getResponseHeaders().add("Location", url);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void callback(HttpExchange exchange) throws IOException {
        Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
        String verifier = verifierByState.remove(params.getOrDefault("state", ""));
        if (params.containsKey("error") || verifier == null) {
            respond(exchange, 400, "<h1>Sign-in failed</h1><pre>" + escape(params.toString()) + "</pre>");
            return;
        }
        String body = "grant_type=authorization_code&code=" + encode(params.get("code"))
                + "&redirect_uri=" + encode(REDIRECT_URI) + "&code_verifier=" + verifier;
        HttpRequest request = tokenRequest(body);
        try {
            HttpResponse<String> tokens = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher idToken = ID_TOKEN.matcher(tokens.body());
            if (tokens.statusCode() != 200 || !idToken.find()) {
                respond(exchange, 502, "<h1>Token request failed</h1><pre>" + escape(tokens.body()) + "</pre>");
                return;
            }
            String browser = randomToken();
            signedIn.put(browser, signedIn(tokens.body()));
            exchange.getResponseHeaders().add("Set-Cookie", SESSION_COOKIE + "=" + browser + "; Path=/; HttpOnly; SameSite=Lax");
            respond(exchange, 200, "<h1>Signed in</h1><p>ID token claims:</p><pre>"
                    + escape(payloadOf(idToken.group(1))) + "</pre><p><a href=\"/\">Home</a></p>" + idleLock());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            respond(exchange, 503, "interrupted");
        }
    }

    /**
     * The bundle's idle-lock script on the signed-in page: it reports the user's activity, counts down to the
     * lock, covers the page when the session locks or ends, and sends the user to sign in again (the unlock).
     */
    private String idleLock() {
        return "<script type=\"module\">import { start } from \"" + realmUrl + "/hipaa-session/idle-lock.js\";"
                + "start({ realmUrl: \"" + realmUrl + "\", unlockUrl: \"/login\", accessToken: async () => {"
                + " const answer = await fetch(\"/token\"); return answer.ok ? (await answer.json()).access_token : null; } });</script>";
    }

    /** The page's access token, renewed with the refresh token when due; 401 once Keycloak refuses (locked or ended). */
    private void token(HttpExchange exchange) throws IOException {
        String browser = cookie(exchange, SESSION_COOKIE);
        SignedIn tokens = browser == null ? null : signedIn.get(browser);
        if (tokens != null && Instant.now().isAfter(tokens.renewAfter())) {
            tokens = refreshed(tokens);
            if (tokens == null) {
                signedIn.remove(browser);
            } else {
                signedIn.put(browser, tokens);
            }
        }
        byte[] body = tokens == null ? "{\"error\":\"signed_out\"}".getBytes(StandardCharsets.UTF_8)
                : ("{\"access_token\":\"" + tokens.accessToken() + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(tokens == null ? 401 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private SignedIn refreshed(SignedIn tokens) throws IOException {
        try {
            HttpResponse<String> answer = http.send(tokenRequest("grant_type=refresh_token&refresh_token=" + encode(tokens.refreshToken())),
                    HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? signedIn(answer.body()) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest tokenRequest(String form) {
        return HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
    }

    /** Renewed a minute before the realm's 5-minute access tokens expire. */
    private static SignedIn signedIn(String tokenResponse) {
        Matcher access = ACCESS_TOKEN.matcher(tokenResponse);
        Matcher refresh = REFRESH_TOKEN.matcher(tokenResponse);
        if (!access.find() || !refresh.find()) {
            throw new IllegalStateException("token response without access and refresh tokens");
        }
        return new SignedIn(access.group(1), refresh.group(1), Instant.now().plusSeconds(240));
    }

    private static String cookie(HttpExchange exchange, String name) {
        for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
            for (String pair : header.split(";")) {
                String[] nameValue = pair.trim().split("=", 2);
                if (nameValue.length == 2 && nameValue[0].equals(name)) {
                    return nameValue[1];
                }
            }
        }
        return null;
    }

    private static Pattern member(String name) {
        return Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"");
    }

    private void backChannelLogout(HttpExchange exchange) throws IOException {
        Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String token = form.get("logout_token");
        if (!"POST".equals(exchange.getRequestMethod()) || token == null) {
            respond(exchange, 400, "logout_token required");
            return;
        }
        backChannelLogouts.add(Instant.now() + " " + payloadOf(token));
        exchange.sendResponseHeaders(200, -1);
        exchange.close();
    }

    private static String payloadOf(String jwt) {
        String[] parts = jwt.split("\\.");
        return parts.length < 2 ? "(not a JWT)" : new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String raw) {
        Map<String, String> params = new LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                params.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = ("<!doctype html><html><head><title>Demo clinical app</title></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
