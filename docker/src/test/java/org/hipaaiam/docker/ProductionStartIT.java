package org.hipaaiam.docker;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.hipaaiam.core.production.DemoValues;
import org.hipaaiam.docker.TlsProbe.Handshake;
import org.hipaaiam.docker.TlsProbe.Outcome;
import org.hipaaiam.docker.production.BuildContext;
import org.hipaaiam.docker.production.Deployment;
import org.hipaaiam.docker.production.Node;
import org.hipaaiam.docker.production.ProductionDatabase;
import org.hipaaiam.docker.production.ProductionKeycloak;
import org.hipaaiam.docker.production.SiteSecrets;
import org.hipaaiam.testfixtures.Totp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The production image's configuration, proven without Docker: the distribution with exactly the image's provider
 * jars and keycloak.conf, built and started as the Dockerfile does, on an empty PostgreSQL database, with the realm
 * the image imports. One start for the whole class.
 */
class ProductionStartIT {

    static {
        // Before the harness or any client loads the JDK's TLS classes, or the JDK could not offer TLS 1.0 and 1.1.
        TlsProbe.offerOldVersions();
    }

    private static final String REALM = "hipaa";
    /** The realm file the server imports on its first start. */
    private static final Path REALM_FILE = BuildContext.pathFromBuild("hipaa.realmFile");

    /** Every provider factory the bundle's jars declare, by class, as `<SPI>/<provider id>` in /admin/serverinfo. */
    private static final Map<String, String> BUNDLE_PROVIDERS = Map.ofEntries(
            entry("org.hipaaiam.events.audit.AuditEventListenerFactory", "eventsListener/hipaa-audit"),
            entry("org.hipaaiam.lifecycle.revocation.SessionRevocationListenerFactory", "eventsListener/hipaa-session-revocation"),
            entry("org.hipaaiam.lifecycle.privilege.PrivilegedRoleGuardListenerFactory", "eventsListener/hipaa-privileged-role-guard"),
            entry("org.hipaaiam.lifecycle.dormant.LastSignInListenerFactory", "eventsListener/hipaa-last-sign-in"),
            entry("org.hipaaiam.lifecycle.identity.ScimUsernameGuardListenerFactory", "eventsListener/hipaa-scim-username-guard"),
            entry("org.hipaaiam.lifecycle.identity.UsernameConventionValidator", "validator/hipaa-username-convention"),
            entry("org.hipaaiam.lifecycle.identity.UniqueEmployeeNumberValidator", "validator/hipaa-unique-employee-number"),
            entry("org.hipaaiam.lifecycle.api.HrFeedResourceProviderFactory", "realm-restapi-extension/hr-feed"),
            entry("org.hipaaiam.lifecycle.api.DormantAccountsResourceFactory", "realm-restapi-extension/hipaa-dormant-accounts"),
            entry("org.hipaaiam.lifecycle.workflow.DisableAndRevokeStepProviderFactory", "workflow-step/hipaa-disable-user"),
            entry("org.hipaaiam.auth.badge.BadgeTapAuthenticatorFactory", "authenticator/hipaa-badge-tap"),
            entry("org.hipaaiam.auth.pin.BadgePinAuthenticatorFactory", "authenticator/hipaa-badge-pin"),
            entry("org.hipaaiam.auth.badge.BadgeLocationConditionFactory", "authenticator/hipaa-condition-badge-location"),
            entry("org.hipaaiam.auth.assurance.AssuranceLevelStepFactory", "authenticator/hipaa-assurance-level"),
            entry("org.hipaaiam.auth.enrolment.BadgeEnrolmentActionFactory", "required-action/hipaa-badge-enrolment"),
            entry("org.hipaaiam.auth.admin.BadgeAdminResourceFactory", "realm-restapi-extension/hipaa-badge-admin"),
            entry("org.hipaaiam.biometric.enrolment.FingerprintEnrolmentActionFactory", "required-action/hipaa-fingerprint-enrolment"),
            entry("org.hipaaiam.biometric.admin.FingerprintAdminResourceFactory", "realm-restapi-extension/hipaa-fingerprint-admin"),
            entry("org.hipaaiam.biometric.signin.FingerprintStepFactory", "authenticator/hipaa-fingerprint"),
            entry("org.hipaaiam.biometric.assurance.ProvenAmrMapper", "protocol-mapper/hipaa-amr-mapper"),
            entry("org.hipaaiam.biometric.assurance.AssuranceSamlMapper", "protocol-mapper/hipaa-assurance-saml-mapper"),
            entry("org.hipaaiam.logoff.enforce.IdleCookieAuthenticatorFactory", "authenticator/hipaa-idle-cookie"),
            entry("org.hipaaiam.logoff.enforce.IdleSessionStepFactory", "authenticator/hipaa-idle-session"),
            entry("org.hipaaiam.logoff.enforce.IdleRefreshTokenProviderFactory", "refresh-token/hipaa-idle"),
            entry("org.hipaaiam.logoff.enforce.IdleUserInfoExecutorFactory", "client-policy-executor/hipaa-idle-userinfo"),
            entry("org.hipaaiam.logoff.api.IdlePoliciesResourceFactory", "realm-restapi-extension/hipaa-idle-policies"),
            entry("org.hipaaiam.logoff.status.SessionStatusResourceFactory", "realm-restapi-extension/hipaa-session"),
            entry("org.hipaaiam.logoff.sweep.IdleIndexTables", "jpa-entity-provider/hipaa-idle-sessions"),
            entry("org.hipaaiam.logoff.sweep.IdleIndexListenerFactory", "eventsListener/hipaa-idle-index"),
            entry("org.hipaaiam.emergency.elevation.BreakGlassActionFactory", "required-action/hipaa-break-glass"),
            entry("org.hipaaiam.emergency.justification.JustifyActionFactory", "required-action/hipaa-break-glass-justify"),
            entry("org.hipaaiam.emergency.draccounts.DrAccountRotationFactory", "required-action/hipaa-dr-account-rotation"),
            entry("org.hipaaiam.emergency.cases.CaseEntityProviderFactory", "jpa-entity-provider/hipaa-break-glass-cases"),
            entry("org.hipaaiam.emergency.api.BreakGlassApiFactory", "realm-restapi-extension/hipaa-break-glass"),
            entry("org.hipaaiam.emergency.elevation.BreakGlassOidcMapper", "protocol-mapper/hipaa-break-glass-oidc-mapper"),
            entry("org.hipaaiam.emergency.elevation.BreakGlassSamlMapper", "protocol-mapper/hipaa-break-glass-saml-mapper"));

    private static ProductionDatabase database;
    private static ProductionKeycloak keycloak;
    private static SiteSecrets secrets;
    private static HttpClient https;
    private static AdminApi admin;

    @BeforeAll
    static void startTheImage() throws Exception {
        database = ProductionDatabase.fresh("hipaa_production_start");
        secrets = SiteSecrets.random();
        Deployment deployment = new Deployment(BuildContext.fromBuild(), REALM_FILE, database, secrets, BuildContext.pathFromBuild("hipaa.workDir"));
        // Due separations are looked for every second instead of every minute.
        keycloak = ProductionKeycloak.start(deployment, Node.number(1),
                Map.of("spi-realm-restapi-extension--hr-feed--due-check-interval-seconds", "1"));
        https = HttpClient.newBuilder().sslContext(keycloak.tls()).connectTimeout(Duration.ofSeconds(5)).build();
        admin = new AdminApi(https, keycloak);
    }

    @AfterAll
    static void stopTheServer() throws Exception {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    @Test
    void theRealmIsImportedIntoPostgresql() throws Exception {
        JsonNode realm = admin.get("/realms/" + REALM);

        assertEquals(REALM, realm.get("realm").asText());
        assertEquals("hipaa browser", realm.get("browserFlow").asText());
        assertEquals("all", realm.get("sslRequired").asText(), "no plain HTTP for the realm from any address");
        try (Connection stored = database.connect(); Statement sql = stored.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM realm WHERE name = '" + REALM + "'")) {
            rows.next();
            assertEquals(1, rows.getInt(1), "Keycloak's own tables hold the realm");
        }
    }

    @Test
    void theProductionRealmHoldsNoDemoUserOrSecret() throws Exception {
        String realm = "/realms/" + REALM;
        for (String demoAccount : DemoValues.USERNAMES) {
            assertEquals(0, admin.get(realm + "/users?exact=true&username=" + demoAccount).size(), demoAccount + " is not imported");
        }
        for (String clientId : new String[] {"clinical-app", "hr-feed"}) {
            String id = admin.get(realm + "/clients?clientId=" + clientId).path(0).path("id").asText();
            String secret = admin.get(realm + "/clients/" + id + "/client-secret").path("value").asText();
            assertFalse(secret.startsWith("demo-") || secret.contains("${"), clientId + " got its secret from the environment");
        }
        assertEquals(secrets.hrClientSecret(), clientSecret("hr-feed"));
        assertEquals("${vault.hr-feed-signing-secret}", admin.get(realm).path("attributes").path("hipaa.hrFeed.signingSecret").asText(),
                "the signing secret stays in the vault; the realm holds only the reference");
    }

    private static String clientSecret(String clientId) throws Exception {
        String realm = "/realms/" + REALM;
        String id = admin.get(realm + "/clients?clientId=" + clientId).path(0).path("id").asText();
        return admin.get(realm + "/clients/" + id + "/client-secret").path("value").asText();
    }

    @Test
    void plainHttpIsClosed() {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", keycloak.node().httpPort()), 2_000);
            }
        }, "nothing listens on the HTTP port");
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        for (int port : new int[] {keycloak.node().httpsPort(), keycloak.node().managementPort()}) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).timeout(Duration.ofSeconds(10)).build();
            assertThrows(IOException.class, () -> plain.send(request, HttpResponse.BodyHandlers.discarding()),
                    "port " + port + " answers plain HTTP");
        }
    }

    @Test
    void tls10And11AreRefusedByTheServer() throws Exception {
        for (int port : tlsPorts()) {
            for (String old : List.of("TLSv1", "TLSv1.1")) {
                Handshake handshake = TlsProbe.offer(old, keycloak.tls(), "localhost", port);

                assertEquals(Outcome.REFUSED_BY_SERVER, handshake.outcome(), old + " on port " + port + ": " + handshake.detail());
                assertTrue(handshake.detail().contains("protocol_version"), handshake.detail());
            }
        }
    }

    @Test
    void tls12And13AreAccepted() throws Exception {
        for (int port : tlsPorts()) {
            for (String modern : List.of("TLSv1.2", "TLSv1.3")) {
                Handshake handshake = TlsProbe.offer(modern, keycloak.tls(), "localhost", port);

                assertEquals(new Handshake(Outcome.ACCEPTED, modern), handshake, "port " + port);
            }
        }
    }

    @Test
    void everyProviderOfTheBundleLoads() throws Exception {
        assertEquals(new TreeSet<>(BUNDLE_PROVIDERS.keySet()), declaredFactories(BuildContext.fromBuild().providers()),
                "the list above names every factory the image's jars declare");

        JsonNode serverInfo = admin.get("/serverinfo");

        for (String provider : BUNDLE_PROVIDERS.values()) {
            String[] spiAndId = provider.split("/");
            assertTrue(serverInfo.path("providers").path(spiAndId[0]).path("providers").has(spiAndId[1]), provider + " is not loaded");
        }
        assertTrue(serverInfo.path("themes").path("login").findValuesAsText("name").contains("hipaa"), "the hipaa login theme loads");
    }

    @Test
    void aUserAnAdminCreatesSignsInWithPasswordAndANewOneTimeCode() throws Exception {
        String password = newPassword();
        createWorkforceUser("pstart7701", "7701", password);
        AccountConsole console = new AccountConsole(keycloak.tls(), keycloak.realmUrl(REALM));

        LoginPages browser = console.open();
        browser.submit("kc-form-login", Map.of("username", "pstart7701", "password", password));
        assertTrue(browser.shows("kc-totp-settings-form"), "the realm requires a one-time code and asks to set one up");
        String secret = browser.field("totpSecret");
        browser.submit("kc-totp-settings-form", Map.of("totp", Totp.now(secret), "totpSecret", secret, "userLabel", "authenticator app"));

        assertEquals("pstart7701", console.signedInUser(browser));
    }

    @Test
    void aSignedSeparationFromHrDisablesTheAccountAtOnce() throws Exception {
        String userId = createWorkforceUser("hleaver7702", "7702", newPassword());

        HrSystem.Answer answer = hrSystem().separation("prod-start-sep-7702", "7702", null);

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("separated", answer.json().path("status").asText());
        assertFalse(admin.get("/realms/" + REALM + "/users/" + userId).path("enabled").asBoolean(), "the account is disabled");
    }

    @Test
    void aScheduledSeparationIsAppliedByTheDueSeparationsTask() throws Exception {
        String userId = createWorkforceUser("sfuture7703", "7703", newPassword());

        HrSystem.Answer answer = hrSystem().separation("prod-start-sep-7703", "7703", Instant.now().plusSeconds(8));

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("scheduled", answer.json().path("status").asText());
        assertTrue(enabled(userId), "still enabled before it is due");
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (enabled(userId) && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        assertFalse(enabled(userId), "disabled by the scheduled task once due");
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPort() throws Exception {
        for (String endpoint : List.of("/health/ready", "/metrics")) {
            HttpResponse<Void> response = https.send(HttpRequest.newBuilder(URI.create(keycloak.managementUrl() + endpoint)).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(200, response.statusCode(), endpoint);
        }
    }

    @Test
    void theServerLogsJsonLines() throws Exception {
        String started = Files.readAllLines(keycloak.log(), StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains("started in")).findFirst().orElseThrow();

        assertTrue(started.startsWith("{\"timestamp\""), started);
    }

    private static int[] tlsPorts() {
        return new int[] {keycloak.node().httpsPort(), keycloak.node().managementPort()};
    }

    /** The HR system with the secrets the site supplied: the client secret from the environment, the signing secret from the vault. */
    private static HrSystem hrSystem() {
        return new HrSystem(https, keycloak.realmUrl(REALM), "hr-feed", secrets.hrClientSecret(), secrets.hrSigningSecret());
    }

    private static String createWorkforceUser(String username, String employeeNumber, String password) throws Exception {
        return admin.createWorkforceUser(REALM, username, employeeNumber, password);
    }

    private static boolean enabled(String userId) throws Exception {
        return admin.get("/realms/" + REALM + "/users/" + userId).path("enabled").asBoolean();
    }

    private static String newPassword() {
        return SiteSecrets.newPassword();
    }

    /** The factory classes named in META-INF/services of the jars the image installs. */
    private static Set<String> declaredFactories(Path providers) throws IOException {
        Set<String> factories = new TreeSet<>();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(providers, "*.jar")) {
            for (Path jar : jars) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    for (ZipEntry entry : file.stream().filter(e -> e.getName().startsWith("META-INF/services/") && !e.isDirectory()).toList()) {
                        try (InputStream in = file.getInputStream(entry)) {
                            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(line -> line.replaceAll("#.*", "").trim())
                                    .filter(line -> !line.isEmpty()).forEach(factories::add);
                        }
                    }
                }
            }
        }
        return factories;
    }
}
