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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.cli.LedgerCli;
import org.hipaaiam.auth.vocabulary.BadgeEvents;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.hipaaiam.docker.NodeLedgers.NodeRecord;
import org.hipaaiam.docker.production.BuildContext;
import org.hipaaiam.docker.production.Cluster;
import org.hipaaiam.docker.production.Deployment;
import org.hipaaiam.docker.production.ProductionDatabase;
import org.hipaaiam.docker.production.ProductionKeycloak;
import org.hipaaiam.docker.production.SiteSecrets;
import org.hipaaiam.emergency.BreakGlassEvents;
import org.hipaaiam.emergency.BreakGlassSettings;
import org.hipaaiam.events.alert.AlertOutbox;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.launcher.KeycloakInstallation;
import org.hipaaiam.testfixtures.ReaderAgent;
import org.hipaaiam.testfixtures.RsyslogReceiver;
import org.hipaaiam.testfixtures.TestCertificates;
import org.hipaaiam.testfixtures.Totp;
import org.hipaaiam.testfixtures.WebhookReceiver;
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
    /** Where the alert webhook listens once a test starts its receiver, away from every node's ports. */
    private static final int WEBHOOK_PORT = 18470;
    /** The dispatcher retries with backoff (1 s doubling): the first retry after a restart comes within this. */
    private static final Duration WEBHOOK_WAIT = Duration.ofSeconds(120);
    private static final String WORKSTATION = "ward-7-nurses-station";
    private static final String WORKSTATION_ATTRIBUTE = "hipaa.workstations." + WORKSTATION;

    private static ProductionDatabase database;
    private static SiteSecrets secrets;
    private static Cluster cluster;
    private static ProductionKeycloak node1;
    private static ProductionKeycloak node2;
    private static AdminApi admin;
    private static HttpClient https;
    /** The SIEM both nodes forward to: a real rsyslog over TLS, where installed. */
    private static RsyslogReceiver siem;
    /** The realm's alert webhook, listening from the outbox test on. */
    private static WebhookReceiver webhook;

    @BeforeAll
    static void startTwoNodes() throws Exception {
        database = ProductionDatabase.fresh("hipaa_cluster_it");
        secrets = SiteSecrets.random();
        Deployment deployment = new Deployment(BuildContext.fromBuild(), REALM_FILE, database, secrets,
                BuildContext.pathFromBuild("hipaa.workDir").resolve("cluster"));
        // Due separations, disabled accounts' sessions, break-glass deadlines and idle sessions are looked for every second on each node
        // instead of every minute.
        Map<String, String> options = new LinkedHashMap<>(Map.of("spi-realm-restapi-extension--hr-feed--due-check-interval-seconds", "1",
                "spi-realm-restapi-extension--hr-feed--disabled-sweep-interval-seconds", "1",
                "spi-realm-restapi-extension--hipaa-break-glass--deadline-check-interval-seconds", "1",
                "spi-events-listener--hipaa-idle-index--sweep-interval-seconds", "1"));
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
            if (webhook != null) {
                webhook.close();
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
            setUpOneTimeCode(browser);
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
    @Order(6)
    void sessionsOfAnAccountDisabledBehindKeycloaksBackAreEndedOnceBySweep() throws Exception {
        String password = newPassword();
        String userId = createWorkforceUser("csweep7809", "7809", password);
        AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
        LoginPages browser = console.open();
        browser.submit("kc-form-login", Map.of("username", "csweep7809", "password", password));
        setUpOneTimeCode(browser);
        assertEquals("csweep7809", console.signedInUser(browser));
        assertEquals(1, sessionsOf(userId));

        // As an LDAP sync or a database script would: no event, no revocation, only the stored flag.
        try (Connection stored = database.connect();
             PreparedStatement disable = stored.prepareStatement("UPDATE user_entity SET enabled = false WHERE id = ?")) {
            disable.setString(1, userId);
            assertEquals(1, disable.executeUpdate());
        }
        admin.post("/realms/" + REALM + "/clear-user-cache");

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (sessionsOf(userId) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertEquals(0, sessionsOf(userId), "the sweep ended the disabled account's session");
        // Three more sweeps on each node: a second revocation by the other node would be in its ledger by now.
        Thread.sleep(3_000);
        List<NodeRecord> revocations = NodeLedgers.records(cluster.nodes(),
                r -> "disabled-account-sweep".equals(r.at("unmapped.keycloak.details.revocation_trigger")) && userId.equals(r.at("user.uid")));
        assertEquals(1, revocations.size(), "revoked once across the nodes: " + revocations);
    }

    @Test
    @Order(7)
    void anAlertQueuedOnANodeKilledWithSigkillIsDeliveredAfterItsRestart() throws Exception {
        String userId = createWorkforceUser("coutbox7804", "7804", newPassword());
        // Nothing listens there yet: the delivery fails and waits in the outbox for its retry.
        setRealmAttribute(AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + WEBHOOK_PORT + "/alerts");
        for (int i = 0; i < 5; i++) {
            failSignIn(node2, "coutbox7804");
        }
        assertEquals(1, awaitRecords(List.of(node2), burstOf(userId), 1).size(), "node 2 raised the burst alert");
        AlertOutbox outbox = new AlertOutbox(node2.folder().resolve("keycloak/data/alert-outbox"));
        assertTrue(awaitQueued(outbox, userId), "its delivery waits in node 2's outbox");
        Set<String> acknowledged = NodeLedgers.records(List.of(node2), r -> userId.equals(r.at("user.uid"))).stream()
                .map(r -> r.json().toString()).collect(Collectors.toSet());

        node2.kill();
        webhook = WebhookReceiver.listen(WEBHOOK_PORT);
        node2.restart();

        JsonNode alert = awaitWebhookAlert(a -> "failed-login-burst".equals(a.path("rule").asText())
                && userId.equals(a.path("user").path("id").asText()));
        assertEquals("coutbox7804", alert.path("user").path("username").asText());
        Set<String> afterRestart = NodeLedgers.records(List.of(node2), r -> userId.equals(r.at("user.uid"))).stream()
                .map(r -> r.json().toString()).collect(Collectors.toSet());
        assertTrue(afterRestart.containsAll(acknowledged), "node 2's ledger still holds the " + acknowledged.size()
                + " records of the account it wrote before the kill");
    }

    @Test
    @Order(8)
    void aBadSettingIsRecordedByEachNodeAndAlertedOnceForTheCluster() throws Exception {
        createWorkforceUser("cinvalid7805", "7805", newPassword());
        setRealmAttribute(AlertSettings.FAILED_LOGIN_WINDOW_MINUTES.key(), "ten");
        try {
            failSignIn(node1, "cinvalid7805");
            failSignIn(node2, "cinvalid7805");

            Predicate<NodeRecord> recorded = r -> HipaaEvents.SETTING_INVALID.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                    && AlertSettings.FAILED_LOGIN_WINDOW_MINUTES.key().equals(r.at("unmapped.keycloak.details.setting"));
            List<NodeRecord> records = awaitRecords(cluster.nodes(), recorded, 2);
            assertEquals(Set.of("node-1", "node-2"), records.stream().map(NodeRecord::node).collect(Collectors.toSet()),
                    "each node records the bad value in its own ledger: " + records);
            JsonNode alert = awaitWebhookAlert(a -> "setting-invalid".equals(a.path("rule").asText())
                    && a.path("title").asText().endsWith(AlertSettings.FAILED_LOGIN_WINDOW_MINUTES.key()));
            assertTrue(alert.path("description").asText().contains("using"), alert.toString());
            // One more failed sign-in on each node: a second alert by either would be in its ledger by then.
            failSignIn(node1, "cinvalid7805");
            failSignIn(node2, "cinvalid7805");
            List<NodeRecord> alerts = NodeLedgers.records(cluster.nodes(), r -> "setting-invalid".equals(r.at("unmapped.keycloak.rule"))
                    && String.valueOf(r.at("finding_info.title")).endsWith(AlertSettings.FAILED_LOGIN_WINDOW_MINUTES.key()));
            assertEquals(1, alerts.size(), "one alert for the cluster: " + alerts);
        } finally {
            setRealmAttribute(AlertSettings.FAILED_LOGIN_WINDOW_MINUTES.key(), "10");
        }
    }

    @Test
    @Order(9)
    void aBreakGlassCaseIsRemindedAndEscalatedOnceAcrossTheNodes() throws Exception {
        String password = newPassword();
        String userId = createWorkforceUser("cbtg7808", "7808", password);
        admin.post("/realms/" + REALM + "/users/" + userId + "/role-mappings/realm", List.of(admin.get("/realms/" + REALM + "/roles/clinician")));
        // The shortest deadline the setting allows; the due check runs every second on each node.
        setRealmAttribute(BreakGlassSettings.JUSTIFICATION_DUE_SECONDS.key(), "60");
        try {
            AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
            LoginPages browser = console.open(Map.of("kc_action", "hipaa-break-glass"));
            browser.submit("kc-form-login", Map.of("username", "cbtg7808", "password", password));
            setUpOneTimeCode(browser);
            browser.submit("hipaa-break-glass-form", Map.of("reasonCode", "ETREAT", "reason", "Unresponsive patient in bed 7, no chart access", "login", ""));
            assertEquals("cbtg7808", console.signedInUser(browser));
            String caseId = awaitRecords(cluster.nodes(), r -> BreakGlassEvents.ELEVATION.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                    && userId.equals(r.at("user.uid")), 1).get(0).at("unmapped.keycloak.details.case_id");

            Predicate<NodeRecord> overdue = deadlineOf(caseId, BreakGlassEvents.OVERDUE);
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (NodeLedgers.records(cluster.nodes(), overdue).isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1_000);
            }
            // Three more due checks on each node: a second escalation by the other node would be in its ledger by now.
            Thread.sleep(3_000);

            assertEquals(1, NodeLedgers.records(cluster.nodes(), deadlineOf(caseId, BreakGlassEvents.REMINDER)).size(),
                    "one reminder for the case, from whichever node ran the check");
            assertEquals(1, NodeLedgers.records(cluster.nodes(), overdue).size(), "one escalation at the deadline");
        } finally {
            setRealmAttribute(BreakGlassSettings.JUSTIFICATION_DUE_SECONDS.key(), "86400");
        }
    }

    @Test
    @Order(10)
    void aTapSpentOnOneNodeIsRefusedOnTheOtherAndTheNextTapOnEitherEndsTheWorkstationsSession() throws Exception {
        ReaderAgent reader = new ReaderAgent(WORKSTATION);
        setRealmAttribute(WORKSTATION_ATTRIBUTE, JSON.writeValueAsString(Map.of("class", "clinical", "location", "Ward 7 nurses' station",
                "network", "127.0.0.1/32", "publicKey", reader.publicKeyPem())));
        try {
            Clinician first = enrolledClinician("ctap7806", "7806", "CB78060001", "582931");
            Clinician second = enrolledClinician("ctap7807", "7807", "CB78070001", "693042");

            String tap = reader.tap(REALM, first.badge());
            AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
            LoginPages onNode1 = through(node1, () -> tapped(console.open(), tap));
            assertTrue(onNode1.shows("hipaa-badge-pin-form"), "node 1 took the tap");
            LoginPages onNode2 = through(node2, () -> tapped(new AccountConsole(cluster.tls(), cluster.realmUrl(REALM)).open(), tap));
            assertFalse(onNode2.shows("hipaa-badge-pin-form"), "node 2 refused the tap node 1 had spent");
            assertEquals(1, awaitRecords(List.of(node2), r -> BadgeEvents.TAP_REFUSED.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                    && "replayed".equals(r.at("unmapped.keycloak.details.reason")), 1).size(), "and recorded why");

            through(node1, () -> {
                onNode1.submit("hipaa-badge-pin-form", Map.of("pin", first.pin()));
                return null;
            });
            assertEquals(first.username(), console.signedInUser(onNode1));
            assertEquals(1, sessionsOf(first), "the first clinician is signed in at the workstation, through node 1");

            assertEquals(second.username(), signInWithBadge(node2, reader, second));

            assertEquals(0, sessionsOf(first), "her tap on node 2 ended the first clinician's session at the workstation");
            assertEquals(1, sessionsOf(second));
            assertEquals(1, awaitRecords(List.of(node2), r -> BadgeEvents.SWITCH_USER.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                    && first.id().equals(r.at("user.uid")), 1).size(), "node 2 recorded the handover");
        } finally {
            setRealmAttribute(WORKSTATION_ATTRIBUTE, "");
        }
    }

    @Test
    @Order(11)
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
    @Order(12)
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

    /** A clinician with a badge and a PIN, enrolled as people are: full sign-in, then the enrolment page; then signed out. */
    private record Clinician(String id, String username, String badge, String pin) {
    }

    private static Clinician enrolledClinician(String username, String employeeNumber, String badge, String pin) throws Exception {
        String password = newPassword();
        String id = createWorkforceUser(username, employeeNumber, password);
        ObjectNode user = (ObjectNode) admin.get("/realms/" + REALM + "/users/" + id);
        user.putArray("requiredActions").add("hipaa-badge-enrolment");
        admin.put("/realms/" + REALM + "/users/" + id, user);
        AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
        LoginPages browser = console.open();
        browser.submit("hipaa-use-password-form", Map.of("use-password", ""));
        browser.submit("kc-form-login", Map.of("username", username, "password", password));
        // Two required actions, in the order the realm gives them: the one-time code's setup and the badge enrolment.
        for (int page = 0; page < 2; page++) {
            if (browser.shows("kc-totp-settings-form")) {
                setUpOneTimeCode(browser);
            } else {
                browser.submit("hipaa-badge-enrol-form", Map.of("badge", badge, "pin", pin, "pin-confirm", pin));
            }
        }
        assertEquals(username, console.signedInUser(browser));
        admin.post("/realms/" + REALM + "/users/" + id + "/logout");
        return new Clinician(id, username, badge, pin);
    }

    /** The reader typed `tap` into the tap page. */
    private static LoginPages tapped(LoginPages browser, String tap) throws Exception {
        browser.submit("hipaa-badge-tap-form", Map.of("badge", tap));
        return browser;
    }

    private static String signInWithBadge(ProductionKeycloak node, ReaderAgent reader, Clinician clinician) throws Exception {
        AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
        LoginPages browser = through(node, () -> {
            LoginPages atTheWorkstation = tapped(console.open(), reader.tap(REALM, clinician.badge()));
            atTheWorkstation.submit("hipaa-badge-pin-form", Map.of("pin", clinician.pin()));
            return atTheWorkstation;
        });
        return console.signedInUser(browser);
    }

    /** Steps of a browser whose connections the front door sends to one node only. */
    private static <T> T through(ProductionKeycloak node, Callable<T> steps) throws Exception {
        try {
            cluster.routeTo(node);
            return steps.call();
        } finally {
            cluster.routeToAll();
        }
    }

    private static int sessionsOf(Clinician clinician) throws Exception {
        return sessionsOf(clinician.id());
    }

    private static int sessionsOf(String userId) throws Exception {
        return admin.get("/realms/" + REALM + "/users/" + userId + "/sessions").size();
    }

    /** The one-time-code setup page a new account sees after its password: scan (read) the secret, type a code. */
    @Test
    @Order(13)
    void aSessionIdlePastItsPolicyIsEndedOnceBySweepAcrossTheNodes() throws Exception {
        // a client policy of seconds, since a production server's clock cannot be moved
        setRealmAttribute("hipaa.idle.clients", "account-console: lock=none terminate=10s badge-leaves=end");
        try {
            String password = newPassword();
            String userId = createWorkforceUser("cidle7860", "7860", password);
            AccountConsole console = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM));
            LoginPages browser = console.open();
            browser.submit("kc-form-login", Map.of("username", "cidle7860", "password", password));
            setUpOneTimeCode(browser);
            assertEquals("cidle7860", console.signedInUser(browser));

            long deadline = System.nanoTime() + WAIT.toNanos();
            while (sessionsOf(userId) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(0, sessionsOf(userId), "the sweep ended the idle session");
            // Three more sweeps on each node: a second logoff by the other node would be in its ledger by now.
            Thread.sleep(3_000);
            List<NodeRecord> logoffs = NodeLedgers.records(cluster.nodes(),
                    r -> "automatic-logoff".equals(r.at("unmapped.keycloak.details.hipaa_event")) && userId.equals(r.at("user.uid")));
            assertEquals(1, logoffs.size(), "ended once across the nodes: " + logoffs);
            assertEquals("client:account-console", logoffs.get(0).at("unmapped.keycloak.details.session_class"));
        } finally {
            setRealmAttribute("hipaa.idle.clients", "patient-portal: lock=none terminate=15m badge-leaves=end");
        }
    }

    private static void setUpOneTimeCode(LoginPages browser) throws IOException, InterruptedException {
        String secret = browser.field("totpSecret");
        browser.submit("kc-totp-settings-form", Map.of("totp", Totp.now(secret), "totpSecret", secret, "userLabel", "authenticator app"));
    }

    /** Whether a delivery of an alert about this account waits in the outbox (the alert is recorded just before it is queued). */
    private static boolean awaitQueued(AlertOutbox outbox, String userId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (outbox.pending().stream().anyMatch(d -> new String(d.alertJson(), StandardCharsets.UTF_8).contains(userId))) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The first alert at the webhook that matches; others (alerts of earlier tests) are passed over. */
    private static JsonNode awaitWebhookAlert(Predicate<JsonNode> wanted) throws Exception {
        long deadline = System.nanoTime() + WEBHOOK_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode alert = JSON.readTree(webhook.next(Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000)).body());
            if (wanted.test(alert)) {
                return alert;
            }
        }
        throw new AssertionError("no matching alert reached the webhook within " + WEBHOOK_WAIT);
    }

    private static Predicate<NodeRecord> deadlineOf(String caseId, String hipaaEvent) {
        return r -> hipaaEvent.equals(r.at("unmapped.keycloak.details.hipaa_event")) && caseId.equals(r.at("unmapped.keycloak.details.case_id"));
    }

    private static Predicate<NodeRecord> burstOf(String userId) {
        return r -> "failed-login-burst".equals(r.at("unmapped.keycloak.rule")) && userId.equals(r.at("user.uid"));
    }

    /** A wrong password through the front door pinned to one node. */
    private static void failSignIn(ProductionKeycloak node, String username) throws Exception {
        LoginPages browser = through(node, () -> {
            LoginPages signIn = new AccountConsole(cluster.tls(), cluster.realmUrl(REALM)).open();
            signIn.submit("kc-form-login", Map.of("username", username, "password", "wrong-" + newPassword()));
            return signIn;
        });
        assertTrue(browser.shows("kc-form-login"), "the login page is shown again");
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
