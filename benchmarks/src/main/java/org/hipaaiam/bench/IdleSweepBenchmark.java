package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * The idle sweeper's cost on PostgreSQL: -Dbench.sessions (100000) sessions seeded in batches by the benchmark-only
 * provider (hipaa-benchmark-seed), -Dbench.classified (3000) of them at clinical workstations and so in the
 * sweeper's index. Then, on the same server: sweeps with nothing due; sweeps of rows due whose session was active
 * since (put back); sweeps after the clock moved past the terminate time (sessions ended, one audit record each);
 * and password sign-ins with and without the sweeper running, in alternated rounds (-Dbench.rounds, 3), where
 * "with" refills the index with 3,000 sessions already idle past their policy (all of them ending at once, the
 * worst burst a ward can give) and sweeps a second after each sweep ends for the whole round: sixty times the
 * default of one sweep a minute. Each sweep runs in its own transaction,
 * as the scheduled task does, and is timed with its commit. -Dbench.profile=true records a JFR profile of the sweeps
 * that end sessions and prints its top frames.
 */
public final class IdleSweepBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DATABASE = "hipaa_bench_sweep";
    private static final int BATCH = 1_000;
    /** Between sweeps while sign-ins run: one a second, sixty times the default interval. */
    private static final long SWEEP_PAUSE_MILLIS = 1_000;

    private IdleSweepBenchmark() {
    }

    /** One sweep as the seed provider reports it. */
    record Sweep(int read, int ended, int rescheduled, double millis) {
        static Sweep of(JsonNode json) {
            return new Sweep(json.path("read").asInt(), json.path("ended").asInt(), json.path("rescheduled").asInt(), json.path("millis").asDouble());
        }
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.workDir")));
        int sessions = Integer.getInteger("bench.sessions", 100_000);
        int classified = Integer.getInteger("bench.classified", 3_000);
        int users = Integer.getInteger("bench.users", 4);
        long warmup = Long.getLong("bench.warmupSeconds", 20) * 1000;
        long measure = Long.getLong("bench.measureSeconds", 40) * 1000;
        int rounds = Integer.getInteger("bench.rounds", 3);
        boolean profile = Boolean.getBoolean("bench.profile");
        ObjectNode realm = (ObjectNode) JSON.readTree(Path.of(System.getProperty("bench.realmFile")).toFile());
        List<String> accounts = HospitalRealm.grow(realm, 300, 3000, users);
        LoginThroughputBenchmark.withoutOneTimeCode(realm);
        Path realmFile = work.resolve("hipaa-realm-sweep.json");
        JSON.writeValue(realmFile.toFile(), realm);
        KeycloakInstallation installation = new KeycloakInstallation(Path.of(System.getProperty("bench.distZip")), work.resolve("keycloak"));
        installation.unpackIfAbsent();
        Path providers = BenchKeycloak.providerSelection(Path.of(System.getProperty("bench.providers")), work.resolve("providers-sweep"), List.of(""));
        Path seedJar = Path.of(System.getProperty("bench.seedJar"));
        Files.copy(seedJar, providers.resolve(seedJar.getFileName()));
        freshDatabase();
        List<String> options = List.of("--db=postgres", "--db-url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE, "--db-username=postgres",
                "--db-password=postgres", "--spi-realm-restapi-extension--hipaa-bench-sessions--enabled=true",
                // the scheduled sweep stays out of the way: the benchmark runs each sweep itself
                "--spi-events-listener--hipaa-idle-index--sweep-interval-seconds=3600");
        ObjectNode report = JSON.createObjectNode();
        try (BenchKeycloak keycloak = BenchKeycloak.start(installation, providers, realmFile, work.resolve("keycloak-sweep.log"), options)) {
            String realmUrl = BenchKeycloak.BASE_URL + "/realms/hipaa";
            Seeder seeder = new Seeder(realmUrl + "/hipaa-bench-sessions");
            long start = System.nanoTime();
            for (int seeded = 0; seeded < sessions; seeded += BATCH) {
                int count = Math.min(BATCH, sessions - seeded);
                seeder.post("seed?count=" + count + "&classified=" + (long) classified * count / sessions + "&idleSeconds=0&due=false");
            }
            double seedSeconds = (System.nanoTime() - start) / 1e9;
            JsonNode counted = seeder.get("count");
            System.out.printf("%nSeeded %d sessions in %.1f s (%.0f/s); in the database: %d online sessions, %d index rows%n", sessions, seedSeconds,
                    sessions / seedSeconds, counted.path("sessions").asLong(), counted.path("indexed").asLong());
            report.put("seedSeconds", seedSeconds).set("afterSeeding", counted);

            List<Sweep> idle = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                idle.add(seeder.sweep());
            }
            summary(report, "nothing due", idle);
            seeder.post("due");
            summary(report, "due, active since (put back)", seeder.sweepUntilNothingRead());
            seeder.post("clock?offsetSeconds=960");
            if (profile) {
                keycloak.startProfile();
            }
            summary(report, "16 min later (ended)", seeder.sweepUntilNothingRead());
            if (profile) {
                keycloak.stopProfile(work.resolve("sweep.jfr"));
                System.out.println(ProfileSummary.of(work.resolve("sweep.jfr"), "org.hipaaiam.", 25));
            }
            seeder.post("clock?offsetSeconds=0");
            report.set("afterSweeps", seeder.get("count"));

            List<LoadResult> without = new ArrayList<>();
            List<LoadResult> with = new ArrayList<>();
            List<Sweep> during = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                without.add(LoginLoad.run("no sweeper #" + round, realmUrl, accounts, HospitalRealm.PASSWORD, warmup, measure));
                for (int seeded = 0; seeded < classified; seeded += BATCH) {
                    seeder.post("seed?count=" + Math.min(BATCH, classified - seeded) + "&classified=" + Math.min(BATCH, classified - seeded)
                            + "&idleSeconds=960&due=true");
                }
                AtomicBoolean loading = new AtomicBoolean(true);
                Thread sweeping = new Thread(() -> {
                    while (loading.get()) {
                        try {
                            during.add(seeder.sweep());
                            Thread.sleep(SWEEP_PAUSE_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }, "sweeper");
                sweeping.start();
                with.add(LoginLoad.run("sweeper #" + round, realmUrl, accounts, HospitalRealm.PASSWORD, warmup, measure));
                loading.set(false);
                sweeping.join();
            }
            summary(report, "back to back during sign-ins", during);
            signIns(report, without, with);
            report.set("atEnd", seeder.get("count"));
        }
        JSON.writerWithDefaultPrettyPrinter().writeValue(work.resolve("idle-sweep.json").toFile(), report);
    }

    private static void summary(ObjectNode report, String phase, List<Sweep> sweeps) {
        double[] millis = sweeps.stream().mapToDouble(Sweep::millis).sorted().toArray();
        int read = sweeps.stream().mapToInt(Sweep::read).sum();
        int ended = sweeps.stream().mapToInt(Sweep::ended).sum();
        int rescheduled = sweeps.stream().mapToInt(Sweep::rescheduled).sum();
        int busiest = sweeps.stream().mapToInt(Sweep::read).max().orElse(0);
        double median = millis.length == 0 ? Double.NaN : millis[millis.length / 2];
        double max = millis.length == 0 ? Double.NaN : millis[millis.length - 1];
        double perRow = read == 0 ? Double.NaN : Arrays.stream(millis).sum() / read;
        System.out.printf("Sweeps, %s: %d sweeps, rows read %d (at most %d in one), ended %d, put back %d; per sweep median %.1f ms, max %.1f ms; %.2f ms per row read%n",
                phase, sweeps.size(), read, busiest, ended, rescheduled, median, max, perRow);
        report.putObject(phase).put("sweeps", sweeps.size()).put("rowsRead", read).put("mostRowsInOneSweep", busiest).put("ended", ended)
                .put("putBack", rescheduled).put("medianMillis", median).put("maxMillis", max).put("millisPerRowRead", perRow);
    }

    private static void signIns(ObjectNode report, List<LoadResult> without, List<LoadResult> with) {
        ArrayNode rows = report.putArray("signIns");
        System.out.printf("%n%-16s %9s %8s %8s %7s %7s%n", "round", "logins/s", "p50 ms", "p95 ms", "logins", "errors");
        for (int i = 0; i < without.size(); i++) {
            for (LoadResult r : List.of(without.get(i), with.get(i))) {
                System.out.printf("%-16s %9.1f %8.1f %8.1f %7d %7d%n", r.configuration(), r.loginsPerSecond(), r.percentileMillis(50),
                        r.percentileMillis(95), r.logins(), r.errors());
                rows.addObject().put("round", r.configuration()).put("loginsPerSecond", r.loginsPerSecond())
                        .put("p95Millis", r.percentileMillis(95)).put("errors", r.errors());
                if (r.firstError() != null) {
                    System.out.println("  first error: " + r.firstError());
                }
            }
        }
        double p95Without = pooledP95(without);
        double p95With = pooledP95(with);
        System.out.printf("all rounds: p95 without the sweeper %.1f ms, with it %.1f ms (ratio %.3f); throughput ratio %.3f%n", p95Without, p95With,
                p95With / p95Without, throughput(with) / throughput(without));
        report.put("p95WithoutMillis", p95Without).put("p95WithMillis", p95With).put("throughputRatio", throughput(with) / throughput(without));
    }

    private static double pooledP95(List<LoadResult> results) {
        long[] all = results.stream().flatMapToLong(r -> Arrays.stream(r.latencyMicros())).toArray();
        return new LoadResult("pooled", all.length, 0, 1, all, null).percentileMillis(95);
    }

    private static double throughput(List<LoadResult> results) {
        return results.stream().mapToLong(LoadResult::logins).sum() / results.stream().mapToDouble(LoadResult::seconds).sum();
    }

    /** A database of its own, empty, on the machine's PostgreSQL. */
    private static void freshDatabase() throws IOException, InterruptedException {
        for (String sql : List.of("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)", "CREATE DATABASE " + DATABASE)) {
            Process psql = new ProcessBuilder("psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-c", sql).redirectErrorStream(true).start();
            String output = new String(psql.getInputStream().readAllBytes());
            if (psql.waitFor() != 0) {
                throw new IllegalStateException("psql: " + sql + ": " + output);
            }
        }
    }

    /** The benchmark-only provider's endpoints. */
    private static final class Seeder {

        private final HttpClient http = HttpClient.newHttpClient();
        private final String base;

        Seeder(String base) {
            this.base = base;
        }

        Sweep sweep() throws IOException, InterruptedException {
            return Sweep.of(post("sweep"));
        }

        List<Sweep> sweepUntilNothingRead() throws IOException, InterruptedException {
            List<Sweep> sweeps = new ArrayList<>();
            Sweep last;
            do {
                last = sweep();
                sweeps.add(last);
            } while (last.read() > 0 && sweeps.size() < 1_000);
            return sweeps;
        }

        JsonNode post(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + "/" + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
        }

        JsonNode get(String path) throws IOException, InterruptedException {
            return send(HttpRequest.newBuilder(URI.create(base + "/" + path)).GET().build());
        }

        private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + ": HTTP " + response.statusCode() + " " + response.body());
            }
            return JSON.readTree(response.body());
        }
    }
}
