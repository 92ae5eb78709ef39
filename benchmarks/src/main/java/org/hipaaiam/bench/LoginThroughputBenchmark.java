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
 * Password sign-ins per second and their latency on the same machine, realm and load, with the audit listener
 * off (stock Keycloak with the theme only) and on (the bundle's listener writing every event to the ledger),
 * side by side in one run. Settings: -Dbench.users (4), -Dbench.warmupSeconds (20), -Dbench.measureSeconds (60).
 */
public final class LoginThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LoginThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int users = Integer.getInteger("bench.users", 4);
        long warmup = Long.getLong("bench.warmupSeconds", 20) * 1000;
        long measure = Long.getLong("bench.measureSeconds", 60) * 1000;
        Path allJars = Path.of(System.getProperty("bench.providers"));
        Path realm = passwordOnlyRealm(Path.of(System.getProperty("bench.realmFile")), work.resolve("hipaa-realm.json"));
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();

        Map<String, List<String>> configurations = Map.of(
                "listener off", List.of("hipaa-themes"),
                "listener on", List.of("hipaa-themes", "hipaa-event-listeners", "hipaa-audit-ledger"));
        List<LoadResult> results = new ArrayList<>();
        for (String name : List.of("listener off", "listener on")) {
            Path providers = BenchKeycloak.providerSelection(allJars, work.resolve("providers-" + name.replace(' ', '-')), configurations.get(name));
            try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-" + name.replace(' ', '-') + ".log"))) {
                results.add(LoginLoad.run(name, BenchKeycloak.BASE_URL + "/realms/hipaa", users, warmup, measure));
            }
        }
        report(results, users, work.resolve("login-throughput.json"));
    }

    /**
     * The shipped realm with the one-time-code step taken out and brute-force detection off, so each virtual
     * user can sign in back to back (Keycloak's quick-login check otherwise locks accounts signing in many
     * times a second). Both configurations use this same realm.
     */
    static Path passwordOnlyRealm(Path source, Path target) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(source.toFile());
        realm.put("bruteForceProtected", false);
        for (var flow : realm.withArray("authenticationFlows")) {
            ArrayNode steps = (ArrayNode) flow.get("authenticationExecutions");
            for (int i = steps.size() - 1; i >= 0; i--) {
                if ("auth-otp-form".equals(steps.get(i).path("authenticator").asText())) {
                    steps.remove(i);
                }
            }
        }
        JSON.writeValue(target.toFile(), realm);
        return target;
    }

    private static void report(List<LoadResult> results, int users, Path json) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        System.out.printf("%nPassword sign-ins (code flow + PKCE + token), %d virtual users, %s%n", users, BenchKeycloak.BASE_URL);
        System.out.printf("%-14s %10s %8s %8s %8s %8s %7s%n", "configuration", "logins/s", "p50 ms", "p95 ms", "p99 ms", "logins", "errors");
        for (LoadResult r : results) {
            System.out.printf("%-14s %10.1f %8.1f %8.1f %8.1f %8d %7d%n", r.configuration(), r.loginsPerSecond(),
                    r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.logins(), r.errors());
            rows.addObject().put("configuration", r.configuration()).put("loginsPerSecond", r.loginsPerSecond())
                    .put("p50Millis", r.percentileMillis(50)).put("p95Millis", r.percentileMillis(95))
                    .put("p99Millis", r.percentileMillis(99)).put("logins", r.logins()).put("errors", r.errors());
            if (r.firstError() != null) {
                System.out.println("  first error (" + r.configuration() + "): " + r.firstError());
            }
        }
        double ratio = results.get(1).loginsPerSecond() / results.get(0).loginsPerSecond();
        System.out.printf("throughput ratio on/off: %.3f%n", ratio);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), JSON.createObjectNode().put("ratio", ratio).set("results", rows));
    }
}
