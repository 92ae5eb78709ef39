package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * The whole bundle against stock Keycloak: password sign-ins per second, their latency, and the server's CPU time
 * per sign-in, on the same install, realm and load. "Stock" is Keycloak 26.7.3 with no jar of the bundle; the
 * realm is the same but for its browser flow, whose bundle steps stock cannot run (its password branch becomes
 * Keycloak's own username/password form). "Bundle" has every provider jar and the shipped flow. The realm is
 * the shipped demo realm grown to a hospital's size ({@link HospitalRealm}), brute-force detection and events on,
 * with the one-time-code step taken out so virtual users can sign in back to back. The two alternate for several
 * rounds so that drift in the machine's load falls on both alike. Settings: -Dbench.users (4),
 * -Dbench.warmupSeconds (20), -Dbench.measureSeconds (40), -Dbench.rounds (5: on a 2-core machine whose speed swings
 * over minutes, three rounds can be decided by one), -Dbench.workstations (300), -Dbench.realmUsers (3000), -Dbench.profile (false: with true, the last round of each records a JFR profile of
 * its measured window and its top frames are printed).
 */
public final class LoginThroughputBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOCK = "stock";
    private static final String BUNDLE = "bundle";

    private LoginThroughputBenchmark() {
    }

    /** One measured phase and the server CPU it took. */
    record Phase(LoadResult load, double cpuSeconds) {
        double cpuMillisPerSignIn() {
            return load.logins() == 0 ? Double.NaN : cpuSeconds * 1000 / load.logins();
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int users = Integer.getInteger("bench.users", 4);
        long warmup = Long.getLong("bench.warmupSeconds", 20) * 1000;
        long measure = Long.getLong("bench.measureSeconds", 40) * 1000;
        int rounds = Integer.getInteger("bench.rounds", 5);
        Path allJars = Path.of(System.getProperty("bench.providers"));
        boolean profile = Boolean.getBoolean("bench.profile");
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of(System.getProperty("bench.realmFile")).toFile());
        List<String> accounts = HospitalRealm.grow(realm, Integer.getInteger("bench.workstations", 300),
                Integer.getInteger("bench.realmUsers", 3000), users);
        withoutOneTimeCode(realm);
        Path bundleRealm = work.resolve("hipaa-realm.json");
        JSON.writeValue(bundleRealm.toFile(), realm);
        Path stockRealm = stockFlow(bundleRealm, work.resolve("stock/hipaa-realm.json"));
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();

        List<Phase> phases = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            for (String name : List.of(STOCK, BUNDLE)) {
                Path providers = BenchKeycloak.providerSelection(allJars, work.resolve("providers-" + name),
                        name.equals(STOCK) ? List.of() : List.of("")); // the bundle: every jar the run command installs
                try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, name.equals(STOCK) ? stockRealm : bundleRealm,
                        work.resolve("keycloak-" + name + ".log"))) {
                    Path recording = profile && round == rounds ? work.resolve(name + ".jfr") : null;
                    phases.add(measured(keycloak, name + " #" + round, accounts, warmup, measure, recording));
                }
            }
        }
        report(phases, users, work.resolve("login-throughput.json"));
        if (profile) {
            for (String name : List.of(STOCK, BUNDLE)) {
                System.out.println(ProfileSummary.of(work.resolve(name + ".jfr"), "org.hipaaiam.", 25));
            }
        }
    }

    /**
     * The load, and the server's CPU time over the measured window (after the warm-up, to its end); with a
     * `recording` file, a JFR profile of that window too.
     */
    private static Phase measured(BenchKeycloak keycloak, String name, List<String> accounts, long warmup, long measure, Path recording)
            throws Exception {
        CompletableFuture<Long> cpuAtStart = CompletableFuture.supplyAsync(() -> {
            if (recording != null) {
                try {
                    keycloak.startProfile();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return keycloak.cpuNanos();
        }, CompletableFuture.delayedExecutor(warmup, TimeUnit.MILLISECONDS));
        LoadResult load = LoginLoad.run(name, BenchKeycloak.BASE_URL + "/realms/hipaa", accounts, HospitalRealm.PASSWORD, warmup, measure);
        long cpuAtEnd = keycloak.cpuNanos();
        if (recording != null) {
            keycloak.stopProfile(recording);
        }
        return new Phase(load, (cpuAtEnd - cpuAtStart.get()) / 1e9);
    }

    /**
     * The shipped realm with the one-time-code step taken out and brute-force detection off, for benchmarks whose
     * virtual users also fail sign-ins on purpose (Keycloak's quick-login check would lock them out).
     */
    static Path passwordOnlyRealm(Path source, Path target) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(source.toFile());
        realm.put("bruteForceProtected", false);
        withoutOneTimeCode(realm);
        JSON.writeValue(target.toFile(), realm);
        return target;
    }

    static void withoutOneTimeCode(ObjectNode realm) {
        for (var flow : realm.withArray("authenticationFlows")) {
            ArrayNode steps = (ArrayNode) flow.get("authenticationExecutions");
            for (int i = steps.size() - 1; i >= 0; i--) {
                if ("auth-otp-form".equals(steps.get(i).path("authenticator").asText())) {
                    steps.remove(i);
                }
            }
        }
    }

    /** The same realm for stock Keycloak: stock's cookie step, and the sign-in forms Keycloak's username/password form alone. */
    static Path stockFlow(Path source, Path target) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(source.toFile());
        ArrayNode flows = realm.withArray("authenticationFlows");
        for (int i = flows.size() - 1; i >= 0; i--) {
            String alias = flows.get(i).path("alias").asText();
            if (alias.equals("hipaa badge sign-in") || alias.equals("hipaa badge factor") || alias.equals("hipaa password sign-in")) {
                flows.remove(i);
            } else if (alias.equals("hipaa sign-in") || alias.equals("hipaa browser")) {
                stockSteps((ArrayNode) flows.get(i).get("authenticationExecutions"));
            } else if (alias.equals("hipaa browser forms")) {
                ArrayNode steps = ((ObjectNode) flows.get(i)).putArray("authenticationExecutions");
                steps.addObject().put("authenticator", "auth-username-password-form").put("requirement", "REQUIRED")
                        .put("priority", 10).put("authenticatorFlow", false).put("userSetupAllowed", false);
            }
        }
        realm.remove("loginTheme");
        stockAmrMapper(realm);
        // the bundle's client-policy executor (userinfo under the idle policies)
        realm.remove(List.of("clientProfiles", "clientPolicies"));
        ArrayNode actions = realm.withArray("requiredActions");
        for (int i = actions.size() - 1; i >= 0; i--) {
            if (actions.get(i).path("providerId").asText().startsWith("hipaa-")) {
                actions.remove(i);
            }
        }
        withoutBundleValidators(realm);
        Files.createDirectories(target.getParent());
        JSON.writeValue(target.toFile(), realm);
        return target;
    }

    /** Stock's own cookie step in place of the idle-policy one; the idle-session step, stock has none of. */
    private static void stockSteps(ArrayNode steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            String authenticator = steps.get(i).path("authenticator").asText();
            if (authenticator.equals("hipaa-idle-cookie")) {
                ((ObjectNode) steps.get(i)).put("authenticator", "auth-cookie");
            } else if (authenticator.equals("hipaa-idle-session")) {
                steps.remove(i);
            }
        }
    }

    /** Keycloak's own amr mapper in place of the bundle's (which adds what a fingerprint proved). */
    private static void stockAmrMapper(ObjectNode realm) {
        for (var client : realm.withArray("clients")) {
            for (var mapper : client.path("protocolMappers")) {
                if ("hipaa-amr-mapper".equals(mapper.path("protocolMapper").asText())) {
                    ((ObjectNode) mapper).put("protocolMapper", "oidc-amr-mapper");
                }
            }
        }
    }

    /** The user profile's `hipaa-*` validators are the bundle's providers, which stock Keycloak does not have. */
    private static void withoutBundleValidators(ObjectNode realm) throws IOException {
        for (var profile : realm.path("components").path("org.keycloak.userprofile.UserProfileProvider")) {
            ArrayNode configs = (ArrayNode) profile.path("config").path("kc.user.profile.config");
            for (int i = 0; i < configs.size(); i++) {
                ObjectNode config = (ObjectNode) JSON.readTree(configs.get(i).asText());
                for (var attribute : config.withArray("attributes")) {
                    if (attribute.get("validations") instanceof ObjectNode validations) {
                        validations.remove(List.of("hipaa-username-convention", "hipaa-unique-employee-number"));
                    }
                }
                configs.set(i, JSON.writeValueAsString(config));
            }
        }
    }

    private static double throughput(List<Phase> phases, String configuration) {
        long logins = 0;
        double seconds = 0;
        for (Phase phase : of(phases, configuration)) {
            logins += phase.load().logins();
            seconds += phase.load().seconds();
        }
        return logins / seconds;
    }

    private static double cpuMillisPerSignIn(List<Phase> phases, String configuration) {
        double cpu = 0;
        long logins = 0;
        for (Phase phase : of(phases, configuration)) {
            cpu += phase.cpuSeconds();
            logins += phase.load().logins();
        }
        return cpu * 1000 / logins;
    }

    private static List<Phase> of(List<Phase> phases, String configuration) {
        return phases.stream().filter(phase -> phase.load().configuration().startsWith(configuration + " ")).toList();
    }

    /** Highest over lowest throughput of one configuration's rounds: how much the machine alone varied. */
    private static double spread(List<Phase> phases, String configuration) {
        double[] rates = of(phases, configuration).stream().mapToDouble(phase -> phase.load().loginsPerSecond()).toArray();
        return Arrays.stream(rates).max().orElse(Double.NaN) / Arrays.stream(rates).min().orElse(Double.NaN);
    }

    private static void report(List<Phase> phases, int users, Path json) throws IOException {
        ArrayNode rows = JSON.createArrayNode();
        System.out.printf("%nPassword sign-ins (code flow + PKCE + token), %d virtual users, %s%n", users, BenchKeycloak.BASE_URL);
        System.out.printf("%-12s %9s %8s %8s %8s %11s %7s %7s%n", "run", "logins/s", "p50 ms", "p95 ms", "p99 ms", "CPU ms/login", "logins",
                "errors");
        for (Phase phase : phases) {
            LoadResult r = phase.load();
            System.out.printf("%-12s %9.1f %8.1f %8.1f %8.1f %11.1f %7d %7d%n", r.configuration(), r.loginsPerSecond(), r.percentileMillis(50),
                    r.percentileMillis(95), r.percentileMillis(99), phase.cpuMillisPerSignIn(), r.logins(), r.errors());
            rows.addObject().put("configuration", r.configuration()).put("loginsPerSecond", r.loginsPerSecond())
                    .put("p50Millis", r.percentileMillis(50)).put("p95Millis", r.percentileMillis(95))
                    .put("p99Millis", r.percentileMillis(99)).put("cpuMillisPerSignIn", phase.cpuMillisPerSignIn())
                    .put("logins", r.logins()).put("errors", r.errors());
            if (r.firstError() != null) {
                System.out.println("  first error (" + r.configuration() + "): " + r.firstError());
            }
        }
        double ratio = throughput(phases, BUNDLE) / throughput(phases, STOCK);
        double cpuRatio = cpuMillisPerSignIn(phases, BUNDLE) / cpuMillisPerSignIn(phases, STOCK);
        System.out.printf("all rounds: stock %.1f/s %.1f CPU ms/login (spread %.2f), bundle %.1f/s %.1f CPU ms/login (spread %.2f)%n",
                throughput(phases, STOCK), cpuMillisPerSignIn(phases, STOCK), spread(phases, STOCK), throughput(phases, BUNDLE),
                cpuMillisPerSignIn(phases, BUNDLE), spread(phases, BUNDLE));
        System.out.printf("bundle/stock: throughput %.3f, CPU per sign-in %.3f%n", ratio, cpuRatio);
        JSON.writerWithDefaultPrettyPrinter().writeValue(json.toFile(), JSON.createObjectNode().put("throughputRatio", ratio)
                .put("cpuPerSignInRatio", cpuRatio).set("results", rows));
    }
}
