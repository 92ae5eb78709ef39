package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * Badge + PIN sign-ins against username + password sign-ins, side by side in one run on one server and realm:
 * the whole bundle (audit listener writing the ledger included), the shipped flow with its TOTP step taken out
 * (so a virtual user can sign in back to back; each path then checks exactly one hashed secret) and brute-force
 * detection off (its quick-login check locks accounts signing in many times a second). Badge sign-ins come from
 * the ward network 10.20.0.0/16, password sign-ins from another private network (the realm requires HTTPS for public addresses), told apart by
 * X-Forwarded-For. Each round
 * measures both paths at the maximum rate (closed loop) and at a set 10 sign-ins/s. Settings: -Dbench.users (4),
 * -Dbench.warmupSeconds (15), -Dbench.measureSeconds (45), -Dbench.rounds (2), -Dbench.pacedPerSecond (10).
 */
public final class BadgeLoginBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] USERS = {"jsmith4821", "tnguyen7310"};
    private static final String[] BADGES = {"0004821", "0007310"};
    private static final String[] PINS = {"402917", "583016"};
    private static final String PASSWORD = "hipaa-demo-2026";
    private static final String WARD_ADDRESS = "10.20.3.7";
    private static final String OUTSIDE_ADDRESS = "192.168.77.10";
    private static final List<String> BUNDLE = List.of("hipaa-themes", "hipaa-event-listeners", "hipaa-audit-ledger", "hipaa-audit-siem",
            "hipaa-lifecycle", "hipaa-authenticators");

    private BadgeLoginBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int users = Integer.getInteger("bench.users", 4);
        long warmup = Long.getLong("bench.warmupSeconds", 15) * 1000;
        long measure = Long.getLong("bench.measureSeconds", 45) * 1000;
        int rounds = Integer.getInteger("bench.rounds", 2);
        double paced = Double.parseDouble(System.getProperty("bench.pacedPerSecond", "10"));
        Path realm = badgeRealm(Path.of(System.getProperty("bench.realmFile")), work.resolve("hipaa-realm-badge.json"));
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();
        Path providers = BenchKeycloak.providerSelection(Path.of(System.getProperty("bench.providers")), work.resolve("providers-bundle"), BUNDLE);

        String realmUrl = BenchKeycloak.BASE_URL + "/realms/hipaa";
        List<LoadResult> results = new ArrayList<>();
        try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-badge.log"),
                List.of("--proxy-headers=xforwarded"))) {
            for (int i = 0; i < USERS.length; i++) {
                enrol(realmUrl, i);
            }
            PasswordLogin password = new PasswordLogin(realmUrl, OUTSIDE_ADDRESS);
            LoginLoad.SignIn passwordSignIn = user -> password.run(USERS[user % USERS.length], PASSWORD);
            LoginLoad.SignIn badgeSignIn = user -> badge(realmUrl, user % USERS.length);
            for (int round = 1; round <= rounds; round++) {
                results.add(LoginLoad.run("password max #" + round, users, 0, warmup, measure, passwordSignIn));
                results.add(LoginLoad.run("badge+PIN max #" + round, users, 0, warmup, measure, badgeSignIn));
                results.add(LoginLoad.run("password " + (int) paced + "/s #" + round, users, paced, warmup, measure, passwordSignIn));
                results.add(LoginLoad.run("badge+PIN " + (int) paced + "/s #" + round, users, paced, warmup, measure, badgeSignIn));
            }
        }
        report(results, users, work.resolve("badge-login.json"));
    }

    /** The enrolment each clinician does once: password sign-in, then the enrolment page (badge and PIN). */
    private static void enrol(String realmUrl, int user) throws Exception {
        DemoAppBrowser browser = new DemoAppBrowser(realmUrl, OUTSIDE_ADDRESS).open();
        if (browser.submit("kc-form-login", Map.of("username", USERS[user], "password", PASSWORD)) != null) {
            throw new IllegalStateException(USERS[user] + " was not asked to enrol");
        }
        browser.finish("hipaa-badge-enrol-form", Map.of("badge", BADGES[user], "pin", PINS[user], "pin-confirm", PINS[user]));
    }

    private static void badge(String realmUrl, int user) throws Exception {
        DemoAppBrowser browser = new DemoAppBrowser(realmUrl, WARD_ADDRESS).open();
        if (browser.submit("hipaa-badge-tap-form", Map.of("badge", BADGES[user])) != null) {
            throw new IllegalStateException("the tap did not lead to the PIN page");
        }
        browser.finish("hipaa-badge-pin-form", Map.of("pin", PINS[user]));
    }

    static Path badgeRealm(Path source, Path target) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(LoginThroughputBenchmark.passwordOnlyRealm(source, target).toFile());
        ((ObjectNode) realm.get("attributes")).put("hipaa.badge.networks", "10.20.0.0/16");
        for (var user : realm.withArray("users")) {
            if (List.of(USERS).contains(user.path("username").asText())) {
                ((ObjectNode) user).putArray("requiredActions").add("hipaa-badge-enrolment");
            }
        }
        JSON.writeValue(target.toFile(), realm);
        return target;
    }

    private static double rate(List<LoadResult> results, String prefix) {
        return results.stream().filter(r -> r.configuration().startsWith(prefix)).mapToLong(LoadResult::logins).sum()
                / results.stream().filter(r -> r.configuration().startsWith(prefix)).mapToDouble(LoadResult::seconds).sum();
    }

    private static void report(List<LoadResult> results, int users, Path json) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        System.out.printf("%nBadge + PIN vs username + password sign-ins (code flow + PKCE + token), %d virtual users%n", users);
        System.out.printf("%-20s %10s %8s %8s %8s %8s %7s%n", "phase", "logins/s", "p50 ms", "p95 ms", "p99 ms", "logins", "errors");
        for (LoadResult r : results) {
            System.out.printf("%-20s %10.1f %8.1f %8.1f %8.1f %8d %7d%n", r.configuration(), r.loginsPerSecond(),
                    r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.logins(), r.errors());
            rows.addObject().put("phase", r.configuration()).put("loginsPerSecond", r.loginsPerSecond())
                    .put("p50Millis", r.percentileMillis(50)).put("p95Millis", r.percentileMillis(95))
                    .put("p99Millis", r.percentileMillis(99)).put("logins", r.logins()).put("errors", r.errors());
            if (r.firstError() != null) {
                System.out.println("  first error (" + r.configuration() + "): " + r.firstError());
            }
        }
        double ratio = rate(results, "badge+PIN max") / rate(results, "password max");
        System.out.printf("maximum throughput, all rounds: password %.1f/s, badge+PIN %.1f/s, ratio badge/password %.3f%n",
                rate(results, "password max"), rate(results, "badge+PIN max"), ratio);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), JSON.createObjectNode().put("ratio", ratio).set("results", rows));
    }
}
