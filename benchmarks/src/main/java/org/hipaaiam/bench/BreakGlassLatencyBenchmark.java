package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * Break-the-glass latency: each bench clinician signs in through the app's `kc_action=hipaa-break-glass`
 * request; the clock starts when the break-glass form is submitted. It stops (a) when the app holds an access
 * token stating `purpose_of_use` BTG (form answer, redirect, code redeemed), and (b) when the Privacy Office
 * webhook receiver gets the alert for that clinician. Baseline in the same run: the plain sign-in of the same
 * accounts (password form submitted to token). Settings: -Dbench.elevations (50).
 */
public final class BreakGlassLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LOGIN_ACTION = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern BREAK_GLASS_ACTION = Pattern.compile("id=\"hipaa-break-glass-form\"[^>]*action=\"([^\"]+)\"");
    private static final String REDIRECT_URI = "http://localhost:8081/callback";
    private static final int RECEIVER_PORT = 8085;
    private static final SecureRandom RANDOM = new SecureRandom();

    private BreakGlassLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int elevations = Integer.getInteger("bench.elevations", 50);
        Path realm = withAlertReceiver(SeparationLatencyBenchmark.withBenchAccounts(LoginThroughputBenchmark.passwordOnlyRealm(
                Path.of(System.getProperty("bench.realmFile")), work.resolve("hipaa-realm.json")), elevations * 2));
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();
        Path providers = BenchKeycloak.providerSelection(Path.of(System.getProperty("bench.providers")), work.resolve("providers-break-glass"),
                List.of("hipaa-themes", "hipaa-event-listeners", "hipaa-audit-ledger", "hipaa-lifecycle", "hipaa-emergency-access"));

        Map<String, Long> alertArrival = new ConcurrentHashMap<>();
        Map<String, CountDownLatch> alerted = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", RECEIVER_PORT), 50);
        receiver.createContext("/alerts", exchange -> {
            long now = System.nanoTime();
            var alert = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (alert.path("title").asText().contains("break-glass-elevation")) {
                String username = alert.path("user").path("username").asText();
                alertArrival.putIfAbsent(username, now);
                alerted.computeIfAbsent(username, u -> new CountDownLatch(1)).countDown();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        List<Long> signInMicros = new ArrayList<>();
        List<Long> tokenMicros = new ArrayList<>();
        List<Long> alertMicros = new ArrayList<>();
        try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-break-glass.log"))) {
            String realmUrl = BenchKeycloak.BASE_URL + "/realms/hipaa";
            for (int i = 0; i < elevations * 2; i++) {
                String username = "ybench" + (SeparationLatencyBenchmark.FIRST_EMPLOYEE + i);
                if (i % 2 == 0) {
                    signInMicros.add(plainSignIn(realmUrl, username));
                    continue;
                }
                CountDownLatch latch = alerted.computeIfAbsent(username, u -> new CountDownLatch(1));
                long[] startAndToken = elevate(realmUrl, username);
                if (!latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("no alert for " + username);
                }
                tokenMicros.add((startAndToken[1] - startAndToken[0]) / 1000);
                alertMicros.add((alertArrival.get(username) - startAndToken[0]) / 1000);
            }
        } finally {
            receiver.stop(0);
        }
        System.out.printf("%nElevations: %d, one bench clinician each, interleaved with %d plain sign-ins (baseline)%n", elevations, elevations);
        for (LoadResult r : List.of(
                new LoadResult("sign-in form to token (baseline)", elevations, 0, 0, toArray(signInMicros), null),
                new LoadResult("break-glass form to BTG token", elevations, 0, 0, toArray(tokenMicros), null),
                new LoadResult("break-glass form to alert received", elevations, 0, 0, toArray(alertMicros), null))) {
            System.out.printf("%-36s p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms%n", r.configuration(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(99), r.percentileMillis(100));
        }
    }

    /** Baseline: the password form submitted, redirected and redeemed. Returns microseconds. */
    private static long plainSignIn(String realmUrl, String username) throws Exception {
        Browser browser = new Browser(realmUrl, false);
        String action = browser.formAction(browser.authorize(), LOGIN_ACTION);
        long start = System.nanoTime();
        HttpResponse<String> signedIn = browser.post(action, "username=" + username + "&password=hipaa-demo-2026");
        browser.redeem(signedIn, false);
        return (System.nanoTime() - start) / 1000;
    }

    /** Signs in through the break-glass request; returns when the form was submitted and when the BTG token arrived. */
    private static long[] elevate(String realmUrl, String username) throws Exception {
        Browser browser = new Browser(realmUrl, true);
        String login = browser.formAction(browser.authorize(), LOGIN_ACTION);
        String form = browser.formAction(browser.followInRealm(browser.post(login, "username=" + username + "&password=hipaa-demo-2026")),
                BREAK_GLASS_ACTION);
        long start = System.nanoTime();
        HttpResponse<String> answered = browser.post(form, "reasonCode=ETREAT&reason=" + URLEncoder.encode("Benchmark: emergency treatment", StandardCharsets.UTF_8));
        browser.redeem(answered, true);
        return new long[] {start, System.nanoTime()};
    }

    private static Path withAlertReceiver(Path realmFile) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        ((ObjectNode) realm.get("attributes")).put("hipaa.alerts.webhookUrl", "http://127.0.0.1:" + RECEIVER_PORT + "/alerts")
                .put("hipaa.alerts.webhookSecret", "bench-webhook-secret");
        JSON.writeValue(realmFile.toFile(), realm);
        return realmFile;
    }

    /** One fresh browser: its cookies, its PKCE verifier. */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalCookieJar()).followRedirects(HttpClient.Redirect.NEVER).build();
        private final String realmUrl;
        private final boolean breakGlass;
        private final String verifier = random();

        Browser(String realmUrl, boolean breakGlass) {
            this.realmUrl = realmUrl;
            this.breakGlass = breakGlass;
        }

        HttpResponse<String> authorize() throws Exception {
            String url = realmUrl + "/protocol/openid-connect/auth?client_id=clinical-app&response_type=code&scope=openid&redirect_uri="
                    + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + "&code_challenge_method=S256&code_challenge="
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII))) + (breakGlass ? "&kc_action=hipaa-break-glass" : "");
            return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        }

        String formAction(HttpResponse<String> page, Pattern form) {
            Matcher action = form.matcher(page.body());
            if (page.statusCode() != 200 || !action.find()) {
                throw new IllegalStateException("expected form " + form + ", got HTTP " + page.statusCode());
            }
            return action.group(1).replace("&amp;", "&");
        }

        /** After the sign-in Keycloak redirects to its required-action page; follow that one hop. */
        HttpResponse<String> followInRealm(HttpResponse<String> response) throws Exception {
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || !location.startsWith(realmUrl)) {
                return response;
            }
            return http.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String url, String body) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Follows the redirect to the app, redeems the code and checks the token says what it should. */
        void redeem(HttpResponse<String> redirect, boolean expectBreakGlass) throws Exception {
            String location = redirect.headers().firstValue("Location").orElse("");
            int codeAt = location.indexOf("code=");
            if (redirect.statusCode() != 302 || codeAt < 0) {
                throw new IllegalStateException("no code: HTTP " + redirect.statusCode() + " " + location);
            }
            String code = location.substring(codeAt + 5).split("&")[0];
            HttpResponse<String> tokens = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("clinical-app:demo-clinical-app-secret".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code + "&redirect_uri="
                            + URLEncoder.encode(REDIRECT_URI, StandardCharsets.UTF_8) + "&code_verifier=" + verifier))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String access = JSON.readTree(tokens.body()).path("access_token").asText();
            boolean btg = "BTG".equals(JSON.readTree(Base64.getUrlDecoder().decode(access.split("\\.")[1])).path("purpose_of_use").asText());
            if (tokens.statusCode() != 200 || btg != expectBreakGlass) {
                throw new IllegalStateException("token HTTP " + tokens.statusCode() + ", purpose_of_use BTG: " + btg);
            }
        }

        private static String random() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
