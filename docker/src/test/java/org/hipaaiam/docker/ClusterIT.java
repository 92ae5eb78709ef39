package org.hipaaiam.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.cli.LedgerCli;
import org.hipaaiam.docker.NodeLedgers.NodeRecord;
import org.hipaaiam.docker.production.BuildContext;
import org.hipaaiam.docker.production.Cluster;
import org.hipaaiam.docker.production.Deployment;
import org.hipaaiam.docker.production.ProductionDatabase;
import org.hipaaiam.docker.production.ProductionKeycloak;
import org.hipaaiam.docker.production.SiteSecrets;
import org.hipaaiam.launcher.KeycloakInstallation;
import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.hipaaiam.testfixtures.TestCertificates;
import org.hipaaiam.testfixtures.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The production build as a two-node cluster: both nodes on one PostgreSQL database, discovering each other
 * through it (JDBC_PING, as keycloak.conf leaves the production default), cluster traffic on 127.0.0.1, one
 * public address in front (a pass-through front door) so both serve the same hostname. One cluster for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String REALM = "hipaa";
    private static final Path REALM_FILE = BuildContext.pathFromBuild("hipaa.realmFile");
    private static final Pattern CLUSTER_VIEW = Pattern.compile("cluster view for channel \\w+: \\[[^\\]]*\\] \\((\\d+)\\)");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProductionDatabase database;
    private static SiteSecrets secrets;
    private static Cluster cluster;
    private static ProductionKeycloak node1;
    private static ProductionKeycloak node2;
    private static AdminApi admin;
    private static HttpClient https;
    /** The SIEM both nodes forward to: a real rsyslog over TLS, where installed. */
    private static RsyslogReceiver siem;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = ProductionDatabase.fresh("hipaa_cluster_it");
        secrets = SiteSecrets.random();
        Deployment deployment = new Deployment(BuildContext.fromBuild(), REALM_FILE, database, secrets,
                BuildContext.pathFromBuild("hipaa.workDir").resolve("cluster"));
        // Due separations are looked for every second on each node instead of every minute.
        Map<String, String> options = new LinkedHashMap<>(Map.of("spi-realm-restapi-extension--hr-feed--due-check-interval-seconds", "1"));
        if (Files.isExecutable(RsyslogReceiver.RSYSLOGD)) {
            Path siemDir = deployment.workDir().resolve("siem");
            KeycloakInstallation.deleteRecursively(siemDir);
            TestCertificates certificates = TestCertificates.create(siemDir.resolve("certs"), TestCertificates.LOOPBACK);
            siem = RsyslogReceiver.configure(siemDir.resolve("rsyslog"), certificates, "anon");
            siem.start();
            options.put("spi-events-listener--hipaa-audit--siem-host", "127.0.0.1");
            options.put("spi-events-listener--hipaa-audit--siem-port", Integer.toString(siem.port()));
            options.put("spi-events-listener--hipaa-audit--siem-truststore", certificates.caPem().toString());
        }
        cluster = Cluster.start(deployment, 2, options);
        node1 = cluster.node(1);
        node2 = cluster.node(2);
        https = HttpClient.newBuilder().sslContext(cluster.tls()).connectTimeout(Duration.ofSeconds(5)).build();
        admin = new AdminApi(https, node1);
    }

    @AfterAll
    static void stopTheCluster() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (siem != null) {
                siem.close();
            }
        }
    }

    @Test
    @Order(1)
    void bothNodesFormOneClusterDiscoveredThroughTheDatabase() throws Exception {
        for (ProductionKeycloak node : cluster.nodes()) {
            int members = awaitValue(() -> largestClusterView(node.log()), 2);
            assertEquals(2, members, node.node().name() + " sees a cluster of two");
        }
        assertEquals(2, awaitValue(ClusterIT::membersInTheDiscoveryTable, 2), "each node registered itself in the shared database (JDBC_PING)");
    }

    /** The rows of JDBC_PING's table, which Keycloak keeps in its own database. */
    private static int membersInTheDiscoveryTable() throws Exception {
        try (Connection stored = database.connect(); Statement sql = stored.createStatement();
             ResultSet tables = sql.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_name ILIKE 'jgroups%ping'")) {
            assertTrue(tables.next(), "JDBC_PING keeps its table in the shared database");
            try (Statement count = stored.createStatement();
                 ResultSet members = count.executeQuery("SELECT count(*) FROM \"" + tables.getString(1) + "\"")) {
                members.next();
                return members.getInt(1);
            }
        }
    }

    @Test
    @Order(2)
    void aSignInThroughOneNodeIsSingleSignOnOnTheOther() throws Exception {
        String password = newPassword();
        createWorkforceUser("csso7801", "7801", password);
        AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
        try {
            cluster.routeTo(node1);
            LoginPages browser = console.open();
            browser.submit("kc-form-login", Map.of("username", "csso7801", "password", password));
            String secret = browser.field("totpSecret");
            browser.submit("kc-totp-settings-form", Map.of("totp", Totp.now(secret), "totpSecret", secret, "userLabel", "authenticator app"));
            assertEquals("csso7801", console.signedInUser(browser), "signed in through node 1");
            assertTrue(browser.hasCookie("KEYCLOAK_IDENTITY"), "the browser holds the SSO cookie");

            cluster.routeTo(node2);
            browser.reconnect();
            console.open(browser);

            assertTrue(browser.redirectToApplication().isPresent(), "node 2 knows the session: no login page is shown");
            assertEquals("csso7801", console.signedInUser(browser), "node 2 issued the code and the tokens");
        } finally {
            cluster.routeToAll();
        }
    }

    @Test
    @Order(3)
    void aSettingChangedOnOneNodeTakesEffectOnTheOther() throws Exception {
        String userId = createWorkforceUser("cset7802", "7802", newPassword());
        setRealmAttribute("hipaa.alerts.failedLoginThreshold", "1");
        try {
            failSignIn(node2, "cset7802");

            List<NodeRecord> findings = awaitRecords(List.of(node2), burstOf(userId), 1);
            assertEquals(1, findings.size(), "node 2 applied the threshold of 1 set through node 1");
        } finally {
            setRealmAttribute("hipaa.alerts.failedLoginThreshold", "5");
        }
    }

    @Test
    @Order(4)
    void failedSignInsOnBothNodesCountTowardsOneBurst() throws Exception {
        String userId = createWorkforceUser("cburst7803", "7803", newPassword());
        for (int i = 0; i < 3; i++) {
            failSignIn(node1, "cburst7803");
        }
        for (int i = 0; i < 2; i++) {
            failSignIn(node2, "cburst7803");
        }

        List<NodeRecord> findings = awaitRecords(cluster.nodes(), burstOf(userId), 1);

        assertEquals(1, findings.size(), "5 failures, 3 on node 1 and 2 on node 2, are one burst of the realm's threshold of 5: "
                + findings);
    }

    @Test
    @Order(5)
    void scheduledSeparationsAreEachAppliedOnceAcrossTheNodes() throws Exception {
        int accounts = 30;
        Map<String, String> userIds = new LinkedHashMap<>();
        for (int i = 0; i < accounts; i++) {
            String number = Integer.toString(7810 + i);
            userIds.put("cluster-sep-" + number, createWorkforceUser("csep" + number, number, newPassword()));
        }
        Instant due = Instant.now().plusSeconds(20);
        HrSystem hr = new HrSystem(https, cluster.realmUrl(REALM), "hr-feed", secrets.hrClientSecret(), secrets.hrSigningSecret());
        for (String eventId : userIds.keySet()) {
            HrSystem.Answer answer = hr.separation(eventId, eventId.substring("cluster-sep-".length()), due);
            assertEquals("scheduled", answer.json().path("status").asText(), answer.json().toString());
        }

        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (userIds.values().stream().anyMatch(ClusterIT::enabledQuietly) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertFalse(userIds.values().stream().anyMatch(ClusterIT::enabledQuietly), "every scheduled separation was applied");
        // Three more due checks on each node: a second application by the other node would be in its ledger by now.
        Thread.sleep(3_000);

        List<NodeRecord> applied = NodeLedgers.records(cluster.nodes(),
                r -> "hr-feed-scheduled".equals(r.at("unmapped.keycloak.details.revocation_trigger")));
        Map<String, Long> perEvent = applied.stream().collect(Collectors.groupingBy(r -> r.at("unmapped.keycloak.details.hr_event_id"),
                Collectors.counting()));
        assertEquals(userIds.keySet(), perEvent.keySet(), "every separation is in a ledger");
        assertEquals(List.of(), perEvent.entrySet().stream().filter(e -> e.getValue() != 1).map(Map.Entry::getKey).toList(),
                "separations applied more than once; by node: "
                        + applied.stream().collect(Collectors.groupingBy(NodeRecord::node, Collectors.counting())));
    }

    @Test
    @Order(9)
    void theVerifierChecksEveryNodesLedgerInOneRunAndTheExportMergesThemByTime() throws Exception {
        long from = System.currentTimeMillis() - Duration.ofHours(1).toMillis();
        List<String> verify = new ArrayList<>(List.of("verify"));
        List<String> keys = new ArrayList<>();
        for (ProductionKeycloak node : cluster.nodes()) {
            NoteSigningKey key = NoteSigningKey.read(node.folder().resolve("audit-key/audit-ledger.key"));
            assertEquals(node.node().signerName(), key.name(), "each node signs its checkpoints under its own name");
            Path publicKey = node.folder().resolve("audit-ledger.vkey");
            Files.writeString(publicKey, key.verifierKey().format() + "\n", StandardCharsets.UTF_8);
            verify.add(node.ledgerDir().toString());
            keys.addAll(List.of("--public-key", publicKey.toString()));
        }
        verify.addAll(keys);

        Cli verified = Cli.run(verify);

        assertEquals(LedgerCli.VALID, verified.exitCode(), verified.out() + verified.err());
        for (ProductionKeycloak node : cluster.nodes()) {
            assertTrue(verified.out().contains("== " + node.ledgerDir()), verified.out());
        }

        List<String> export = new ArrayList<>(List.of("export"));
        cluster.nodes().forEach(node -> export.add(node.ledgerDir().toString()));
        export.addAll(List.of("--from", Instant.ofEpochMilli(from).toString(), "--to", Instant.now().plusSeconds(60).toString()));
        int before = NodeLedgers.records(cluster.nodes(), r -> r.json().path("time").asLong() >= from).size();
        Cli exported = Cli.run(export);
        int after = NodeLedgers.records(cluster.nodes(), r -> r.json().path("time").asLong() >= from).size();

        assertEquals(LedgerCli.VALID, exported.exitCode(), exported.err());
        List<JsonNode> records = new ArrayList<>();
        for (String line : exported.out().split("\n")) {
            records.add(JSON.readTree(line));
        }
        assertTrue(before <= records.size() && records.size() <= after,
                "the export holds every record of both ledgers (" + before + " to " + after + "): " + records.size());
        for (int i = 1; i < records.size(); i++) {
            assertTrue(records.get(i - 1).path("time").asLong() <= records.get(i).path("time").asLong(), "ordered by time at line " + i);
        }
        for (ProductionKeycloak node : cluster.nodes()) {
            assertTrue(records.stream().anyMatch(r -> r.path("log_name").asText().contains("/" + node.node().name() + "/")),
                    "the export holds " + node.node().name() + "'s start");
        }
    }

    @Test
    @Order(10)
    void theSiemReceivesTheRecordsOfBothNodes() throws Exception {
        assumeTrue(siem != null, "rsyslog is not installed (Debian packages rsyslog rsyslog-openssl)");
        for (ProductionKeycloak node : cluster.nodes()) {
            String origin = "origin=\"" + node.node().signerName() + "/";
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (siem.received().stream().noneMatch(m -> "audit".equals(m.msgId()) && m.structuredData().contains(origin))
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertTrue(siem.received().stream().anyMatch(m -> "audit".equals(m.msgId()) && m.structuredData().contains(origin)),
                    "the SIEM holds records of " + node.node().name());
            assertTrue(siem.received().stream().anyMatch(m -> "checkpoint".equals(m.msgId()) && m.structuredData().contains(origin)),
                    "and its signed checkpoints");
        }
    }

    /** The auditors' command-line tool, run in this JVM. */
    private record Cli(int exitCode, String out, String err) {

        static Cli run(List<String> args) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = new LedgerCli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                    .run(args.toArray(String[]::new));
            return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        }
    }

    private static Predicate<NodeRecord> burstOf(String userId) {
        return r -> "failed-login-burst".equals(r.at("unmapped.keycloak.rule")) && userId.equals(r.at("user.uid"));
    }

    /** A wrong password through the front door pinned to one node. */
    private static void failSignIn(ProductionKeycloak node, String username) throws Exception {
        try {
            cluster.routeTo(node);
            LoginPages browser = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM)).open();
            browser.submit("kc-form-login", Map.of("username", username, "password", "wrong-" + newPassword()));
            assertTrue(browser.shows("kc-form-login"), "the login page is shown again");
        } finally {
            cluster.routeToAll();
        }
    }

    /** Polls the ledgers until at least `expected` records match or the wait ends; then returns what matched. */
    private static List<NodeRecord> awaitRecords(List<ProductionKeycloak> nodes, Predicate<NodeRecord> filter, int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        List<NodeRecord> found = NodeLedgers.records(nodes, filter);
        while (found.size() < expected && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = NodeLedgers.records(nodes, filter);
        }
        return found;
    }

    private static int awaitValue(Callable<Integer> probe, int expected) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int value = probe.call();
        while (value < expected && System.nanoTime() < deadline) {
            Thread.sleep(500);
            value = probe.call();
        }
        return value;
    }

    /** The largest cluster view Infinispan logged on this node. */
    private static int largestClusterView(Path log) throws IOException {
        int largest = 0;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher view = CLUSTER_VIEW.matcher(line);
            if (view.find()) {
                largest = Math.max(largest, Integer.parseInt(view.group(1)));
            }
        }
        return largest;
    }

    /** Through node 1's admin API: the realm as it is, with one attribute changed. */
    private static void setRealmAttribute(String name, String value) throws Exception {
        ObjectNode realm = (ObjectNode) admin.get("/realms/" + REALM);
        ObjectNode attributes = realm.has("attributes") ? (ObjectNode) realm.get("attributes") : realm.putObject("attributes");
        attributes.put(name, value);
        admin.put("/realms/" + REALM, realm);
    }

    private static String createWorkforceUser(String username, String employeeNumber, String password) throws Exception {
        return admin.createWorkforceUser(REALM, username, employeeNumber, password);
    }

    private static boolean enabledQuietly(String userId) {
        try {
            return admin.get("/realms/" + REALM + "/users/" + userId).path("enabled").asBoolean();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPassword() {
        return SiteSecrets.newPassword();
    }
}
