package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * Time from an HR separation event to the last session revoked: for each account, a real sign-in to the demo
 * app, then a signed separation to the HR feed; the clock stops when the app's back-channel logout receiver
 * gets the logout token for that account. Settings: -Dbench.separations (50).
 */
public final class SeparationLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "hipaa-demo-2026";
    static final int FIRST_EMPLOYEE = 900_000;

    private SeparationLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int separations = Integer.getInteger("bench.separations", 50);
        Path realm = withBenchAccounts(LoginThroughputBenchmark.passwordOnlyRealm(Path.of(System.getProperty("bench.realmFile")),
                work.resolve("hipaa-realm.json")), separations);
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();
        Path providers = BenchKeycloak.providerSelection(Path.of(System.getProperty("bench.providers")), work.resolve("providers-lifecycle"),
                List.of("hipaa-themes", "hipaa-event-listeners", "hipaa-audit-ledger", "hipaa-audit-siem", "hipaa-lifecycle"));

        Map<String, CountDownLatch> loggedOut = new ConcurrentHashMap<>();
        Map<String, Long> logoutArrival = new ConcurrentHashMap<>();
        HttpServer app = HttpServer.create(new InetSocketAddress("localhost", 8081), 50);
        app.createContext("/backchannel-logout", exchange -> {
            long now = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String token = URLDecoder.decode(body.replaceFirst("^.*logout_token=([^&]*).*$", "$1"), StandardCharsets.UTF_8);
            String subject = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).path("sub").asText();
            logoutArrival.putIfAbsent(subject, now);
            loggedOut.computeIfAbsent(subject, s -> new CountDownLatch(1)).countDown();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        app.start();
        List<Long> toLogoutMicros = new ArrayList<>();
        List<Long> responseMicros = new ArrayList<>();
        try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-separation.log"))) {
            String realmUrl = BenchKeycloak.BASE_URL + "/realms/hipaa";
            HrFeedCaller hr = new HrFeedCaller(realmUrl);
            PasswordLogin login = new PasswordLogin(realmUrl);
            for (int i = 0; i < separations; i++) {
                String employee = Integer.toString(FIRST_EMPLOYEE + i);
                login.run("ybench" + employee, PASSWORD);
                String bearer = hr.token();
                String subject = hr.userId("ybench" + employee, bearer);
                CountDownLatch latch = loggedOut.computeIfAbsent(subject, s -> new CountDownLatch(1));
                byte[] body = ("{\"type\":\"separation\",\"eventId\":\"bench-" + System.nanoTime() + "\",\"employeeNumber\":\"" + employee + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                long start = System.nanoTime();
                HttpResponse<String> answer = hr.post("separations", body, bearer);
                long answered = System.nanoTime();
                if (answer.statusCode() != 200 || !latch.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("separation of " + employee + " not completed: " + answer.statusCode() + " " + answer.body());
                }
                responseMicros.add((answered - start) / 1000);
                toLogoutMicros.add((logoutArrival.get(subject) - start) / 1000);
            }
        } finally {
            app.stop(0);
        }
        LoadResult revoked = new LoadResult("HR event to back-channel logout", separations, 0, 0, toArray(toLogoutMicros), null);
        LoadResult answered = new LoadResult("HR feed answer", separations, 0, 0, toArray(responseMicros), null);
        System.out.printf("%nSeparations: %d, one signed HR event each, account signed in to the demo app beforehand%n", separations);
        for (LoadResult r : List.of(revoked, answered)) {
            System.out.printf("%-32s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms%n", r.configuration(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(100));
        }
    }

    /** Bench accounts `ybench900000`... with their employee numbers, able to sign in to the demo app. */
    static Path withBenchAccounts(Path realmFile, int count) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(realmFile.toFile());
        for (int i = 0; i < count; i++) {
            String employee = Integer.toString(FIRST_EMPLOYEE + i);
            ObjectNode user = realm.withArray("users").addObject();
            user.put("username", "ybench" + employee).put("enabled", true).put("firstName", "Yan").put("lastName", "Bench");
            user.putObject("attributes").putArray("employeeNumber").add(employee);
            user.putArray("realmRoles").add("clinician");
            user.putArray("credentials").addObject().put("type", "password").put("value", PASSWORD).put("temporary", false);
        }
        JSON.writeValue(realmFile.toFile(), realm);
        return realmFile;
    }



    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
