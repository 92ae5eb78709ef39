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
 * side by side in one run. The two alternate for several rounds so that drift in the machine's load falls on
 * both alike. Settings: -Dbench.users (4), -Dbench.warmupSeconds (20), -Dbench.measureSeconds (60), -Dbench.rounds (2).
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
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<LoadResult> results = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String name : List.of("listener off", "listener on")) {
                String slug = name.replace(' ', '-');
                Path providers = BenchKeycloak.providerSelection(allJars, work.resolve("providers-" + slug), configurations.get(name));
                try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realm, work.resolve("keycloak-" + slug + ".log"))) {
                    results.add(LoginLoad.run(name + " #" + round, BenchKeycloak.BASE_URL + "/realms/hipaa", users, warmup, measure));
                }
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

    private static double total(List<LoadResult> results, String configuration) {
        long logins = 0;
        double seconds = 0;
        for (LoadResult r : results) {
            if (r.configuration().startsWith(configuration + " ")) {
                logins += r.logins();
                seconds += r.seconds();
            }
        }
        return logins / seconds;
    }

    private static void report(List<LoadResult> results, int users, Path json) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        System.out.printf("%nPassword sign-ins (code flow + PKCE + token), %d virtual users, %s%n", users, BenchKeycloak.BASE_URL);
        System.out.printf("%-16s %10s %8s %8s %8s %8s %7s%n", "configuration", "logins/s", "p50 ms", "p95 ms", "p99 ms", "logins", "errors");
        for (LoadResult r : results) {
            System.out.printf("%-16s %10.1f %8.1f %8.1f %8.1f %8d %7d%n", r.configuration(), r.loginsPerSecond(),
                    r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99), r.logins(), r.errors());
            rows.addObject().put("configuration", r.configuration()).put("loginsPerSecond", r.loginsPerSecond())
                    .put("p50Millis", r.percentileMillis(50)).put("p95Millis", r.percentileMillis(95))
                    .put("p99Millis", r.percentileMillis(99)).put("logins", r.logins()).put("errors", r.errors());
            if (r.firstError() != null) {
                System.out.println("  first error (" + r.configuration() + "): " + r.firstError());
            }
        }
        double ratio = total(results, "listener on") / total(results, "listener off");
        System.out.printf("throughput, all rounds: listener off %.1f/s, listener on %.1f/s, ratio on/off %.3f%n",
                total(results, "listener off"), total(results, "listener on"), ratio);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), JSON.createObjectNode().put("ratio", ratio).set("results", rows));
    }
}
