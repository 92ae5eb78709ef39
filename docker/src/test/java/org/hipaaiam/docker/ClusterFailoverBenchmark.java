package org.hipaaiam.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.cli.LedgerCli;
import org.hipaaiam.docker.production.BuildContext;
import org.hipaaiam.docker.production.Cluster;
import org.hipaaiam.docker.production.Deployment;
import org.hipaaiam.docker.production.ProductionDatabase;
import org.hipaaiam.docker.production.ProductionKeycloak;
import org.hipaaiam.docker.production.SiteSecrets;
import org.junit.jupiter.api.Test;

/**
 * Failover of a two-node cluster under sign-in load: virtual users sign in through the front door (which, like a
 * load balancer, hands connections to the nodes in turn and skips a node that refuses them) while node 1 is killed
 * with SIGKILL and later restarted on its folder. Prints sign-ins per second before, during and after the kill and
 * after the restart, the failed sign-ins, and checks that every acknowledged sign-in is in a ledger, that both
 * ledgers verify after the restart, and that separations due during the outage are each applied once.
 * Not part of `mvn verify`: run with `-Dtest=ClusterFailoverBenchmark` (see docs/benchmarks.md).
 */
class ClusterFailoverBenchmark {

    private static final String REALM = "hipaa";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = Integer.getInteger("failover.users", 4);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("failover.warmupSeconds", 20));
    private static final Duration BEFORE = Duration.ofSeconds(Long.getLong("failover.beforeSeconds", 30));
    private static final Duration DURING = Duration.ofSeconds(Long.getLong("failover.duringSeconds", 10));
    private static final Duration AFTER = Duration.ofSeconds(Long.getLong("failover.afterSeconds", 30));
    private static final Duration RESTARTED = Duration.ofSeconds(Long.getLong("failover.restartedSeconds", 30));
    private static final int SEPARATIONS = 10;

    /** One sign-in attempt of a virtual user, in milliseconds since the load started. */
    private record Attempt(int user, long startMillis, long endMillis, boolean succeeded, String failure) {
    }

    @Test
    void signInsGoOnWhileANodeIsKilledAndNothingAcknowledgedIsLost() throws Exception {
        Path work = BuildContext.pathFromBuild("hipaa.workDir").resolve("cluster-failover");
        Files.createDirectories(work);
        SiteSecrets secrets = SiteSecrets.random();
        Deployment deployment = new Deployment(BuildContext.fromBuild(), passwordOnlyRealm(work.resolve("hipaa-realm-password-only.json")),
                ProductionDatabase.fresh("hipaa_cluster_failover"), secrets, work);
        try (Cluster cluster = Cluster.start(deployment, 2, Map.of("spi-realm-restapi-extension--hr-feed--due-check-interval-seconds", "1"))) {
            ProductionKeycloak node1 = cluster.node(1);
            ProductionKeycloak node2 = cluster.node(2);
            HttpClient https = HttpClient.newBuilder().sslContext(cluster.tls()).connectTimeout(Duration.ofSeconds(5)).build();
            AdminApi admin = new AdminApi(https, node2);
            Map<String, String> passwords = new LinkedHashMap<>();
            Map<String, String> userIds = new LinkedHashMap<>();
            for (int i = 0; i < USERS; i++) {
                String username = "fload" + (7900 + i);
                String password = SiteSecrets.newPassword();
                userIds.put(admin.createWorkforceUser(REALM, username, Integer.toString(7900 + i), password), username);
                passwords.put(username, password);
            }
            Map<String, String> separated = new LinkedHashMap<>();
            for (int i = 0; i < SEPARATIONS; i++) {
                String number = Integer.toString(7950 + i);
                separated.put("failover-sep-" + number, admin.createWorkforceUser(REALM, "fsep" + number, number, SiteSecrets.newPassword()));
            }

            List<Attempt> attempts = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean stop = new AtomicBoolean();
            long start = System.nanoTime();
            List<String> usernames = new ArrayList<>(passwords.keySet());
            List<Thread> load = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                int user = u;
                Thread thread = new Thread(() -> signInUntilStopped(cluster, user, usernames.get(user), passwords.get(usernames.get(user)),
                        start, stop, attempts), "virtual-user-" + u);
                thread.start();
                load.add(thread);
            }

            Thread.sleep(WARMUP.plus(BEFORE).toMillis());
            // Due while node 1 is down: whichever node held the task's lock, each must be applied once.
            HrSystem hr = new HrSystem(https, node2.baseUrl() + "/realms/" + REALM, "hr-feed", secrets.hrClientSecret(), secrets.hrSigningSecret());
            Instant due = Instant.now().plusSeconds(5);
            for (String eventId : separated.keySet()) {
                assertEquals("scheduled", hr.separation(eventId, eventId.substring("failover-sep-".length()), due).json().path("status").asText());
            }
            long killedAt = millisSince(start);
            node1.kill();
            System.out.printf("node 1 killed with SIGKILL at %.1f s%n", killedAt / 1000.0);
            Thread.sleep(DURING.plus(AFTER).toMillis());
            long restartAt = millisSince(start);
            node1.restart();
            long readyAt = millisSince(start);
            System.out.printf("node 1 restarted at %.1f s, ready at %.1f s%n", restartAt / 1000.0, readyAt / 1000.0);
            Thread.sleep(RESTARTED.toMillis());
            stop.set(true);
            for (Thread thread : load) {
                thread.join(Duration.ofSeconds(60).toMillis());
            }
            long end = millisSince(start);

            long warm = WARMUP.toMillis();
            report("before the kill (2 nodes)", attempts, warm, killedAt);
            report("during: first " + DURING.toSeconds() + " s after the kill", attempts, killedAt, killedAt + DURING.toMillis());
            report("after: node 2 alone", attempts, killedAt + DURING.toMillis(), restartAt);
            report("node 1 restarting", attempts, restartAt, readyAt);
            report("after the restart (2 nodes)", attempts, readyAt, end);
            printTimeline(attempts, end);
            long firstSuccessAfterKill = attempts.stream().filter(a -> a.succeeded() && a.startMillis() >= killedAt)
                    .mapToLong(Attempt::endMillis).min().orElse(-1);
            System.out.printf("first sign-in started after the kill completed %.2f s after it%n", (firstSuccessAfterKill - killedAt) / 1000.0);
            attempts.stream().filter(a -> !a.succeeded()).collect(Collectors.groupingBy(Attempt::failure, TreeMap::new, Collectors.counting()))
                    .forEach((why, count) -> System.out.println("failed: " + count + " x " + why));

            // Every sign-in a user saw succeed is in one of the ledgers: the killed node's after its restart.
            Map<String, Long> acknowledged = attempts.stream().filter(Attempt::succeeded)
                    .collect(Collectors.groupingBy(a -> usernames.get(a.user()), Collectors.counting()));
            List<NodeLedgers.NodeRecord> logins = NodeLedgers.records(cluster.nodes(),
                    r -> "LOGIN".equals(r.at("unmapped.keycloak.type")) && userIds.containsKey(r.at("user.uid")));
            Map<String, Long> recorded = logins.stream().collect(Collectors.groupingBy(r -> userIds.get(r.at("user.uid")), Collectors.counting()));
            Map<String, Long> byNode = logins.stream().collect(Collectors.groupingBy(NodeLedgers.NodeRecord::node, Collectors.counting()));
            System.out.println("acknowledged sign-ins per user: " + acknowledged + "; LOGIN records per user: " + recorded + "; by node: " + byNode);
            for (String username : passwords.keySet()) {
                assertTrue(recorded.getOrDefault(username, 0L) >= acknowledged.getOrDefault(username, 0L),
                        username + ": every acknowledged sign-in is in a ledger");
            }
            assertEquals(LedgerCli.VALID, verifyBothLedgers(cluster), "both ledgers verify after the kill and the restart");
            NodeLedgers.records(List.of(node1), r -> "Audit ledger started after truncating a torn, never-acknowledged tail".equals(r.at("message")))
                    .forEach(r -> System.out.println("node 1 recovery: " + r.at("unmapped.ledger.recovery")));

            Map<String, Long> applied = NodeLedgers.records(cluster.nodes(),
                    r -> "hr-feed-scheduled".equals(r.at("unmapped.keycloak.details.revocation_trigger"))).stream()
                    .collect(Collectors.groupingBy(r -> r.at("unmapped.keycloak.details.hr_event_id"), Collectors.counting()));
            System.out.println("separations due during the outage, applications per HR event: " + applied);
            assertEquals(separated.keySet(), applied.keySet(), "every separation due during the outage was applied");
            assertTrue(applied.values().stream().allMatch(n -> n == 1), "and each once: " + applied);
        }
    }

    private static void signInUntilStopped(Cluster cluster, int user, String username, String password, long start, AtomicBoolean stop,
            List<Attempt> attempts) {
        while (!stop.get()) {
            long begin = millisSince(start);
            try {
                AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
                LoginPages browser = console.open();
                browser.submit("kc-form-login", Map.of("username", username, "password", password));
                String signedIn = console.signedInUser(browser);
                attempts.add(new Attempt(user, begin, millisSince(start), username.equals(signedIn), username.equals(signedIn) ? "" : "wrong user"));
            } catch (Exception | AssertionError e) {
                attempts.add(new Attempt(user, begin, millisSince(start), false, e.getClass().getSimpleName()));
            }
        }
    }

    private static void report(String phase, List<Attempt> attempts, long from, long to) {
        List<Attempt> inPhase;
        synchronized (attempts) {
            inPhase = attempts.stream().filter(a -> a.endMillis() >= from && a.endMillis() < to).toList();
        }
        long ok = inPhase.stream().filter(Attempt::succeeded).count();
        double seconds = Math.max(1, to - from) / 1000.0;
        System.out.printf("%-40s %6.1f s  %5d sign-ins  %6.2f /s  %4d failed%n", phase, seconds, ok, ok / seconds, inPhase.size() - ok);
    }

    private static void printTimeline(List<Attempt> attempts, long end) {
        StringBuilder line = new StringBuilder("sign-ins per second (failed in brackets):");
        Map<Long, long[]> perSecond = new TreeMap<>();
        synchronized (attempts) {
            for (Attempt a : attempts) {
                long[] counts = perSecond.computeIfAbsent(a.endMillis() / 1000, s -> new long[2]);
                counts[a.succeeded() ? 0 : 1]++;
            }
        }
        for (long s = 0; s <= end / 1000; s++) {
            long[] counts = perSecond.getOrDefault(s, new long[2]);
            line.append(s % 10 == 0 ? "\n  " + s + "s:" : "").append(' ').append(counts[0]).append(counts[1] > 0 ? "(" + counts[1] + ")" : "");
        }
        System.out.println(line);
    }

    private static int verifyBothLedgers(Cluster cluster) throws Exception {
        List<String> args = new ArrayList<>(List.of("verify"));
        List<String> keys = new ArrayList<>();
        for (ProductionKeycloak node : cluster.nodes()) {
            Path publicKey = node.folder().resolve("audit-ledger.vkey");
            Files.writeString(publicKey, NoteSigningKey.read(node.folder().resolve("audit-key/audit-ledger.key")).verifierKey().format() + "\n");
            args.add(node.ledgerDir().toString());
            keys.addAll(List.of("--public-key", publicKey.toString()));
        }
        args.addAll(keys);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(args.toArray(String[]::new));
        System.out.println(out.toString(StandardCharsets.UTF_8));
        return code;
    }

    /** The production realm with the one-time-code step taken out, so virtual users can sign in again and again. */
    private static Path passwordOnlyRealm(Path target) throws Exception {
        ObjectNode realm = (ObjectNode) JSON.readTree(BuildContext.pathFromBuild("hipaa.realmFile").toFile());
        for (JsonNode flow : realm.withArray("authenticationFlows")) {
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


    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
