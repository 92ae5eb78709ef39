package org.hipaaiam.docker.production;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.hipaaiam.launcher.KeycloakInstallation;

/**
 * One node of the production image, started without Docker: the distribution the image is built on, exactly the
 * image's provider jars and keycloak.conf, `kc.sh build` as the Dockerfile runs it, then `kc.sh start
 * --optimized --import-realm` as the image's entry point does. Only what a site supplies at run time (ports,
 * paths, hostname, database, certificate, bootstrap admin) is given on top, as command-line options and
 * environment variables, which take precedence over keycloak.conf.
 */
public final class ProductionKeycloak implements AutoCloseable {

    public static final String ADMIN = "admin";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final Node node;
    private final ServerCertificate certificate;
    private final String adminPassword;
    private final ProcessGroup server;
    private final Thread stopOnExit;

    private ProductionKeycloak(Node node, ServerCertificate certificate, String adminPassword, ProcessGroup server) {
        this.node = node;
        this.certificate = certificate;
        this.adminPassword = adminPassword;
        this.server = server;
        // A test JVM that ends without @AfterAll must not leave a server holding the ports and the database.
        this.stopOnExit = new Thread(this::stopQuietly, "stop-" + node.name());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Installs, builds and starts the node, and returns once it reports ready on its management port.
     *
     * @param testOptions runtime options the test needs on top of the site's values, e.g. short task intervals
     */
    public static ProductionKeycloak start(Deployment deployment, Node node, Map<String, String> testOptions) throws Exception {
        Path dir = deployment.workDir().resolve(node.name());
        KeycloakInstallation.deleteRecursively(dir);
        Path home = install(deployment, dir.resolve("keycloak"));
        // The image's key folders, mode 700 as the Dockerfile makes them.
        for (String keys : new String[] {"audit-key", "badge-key"}) {
            Files.createDirectories(dir.resolve(keys), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        deployment.secrets().writeBadgeKey(dir.resolve("badge-key/hipaa-badge.key"));
        ServerCertificate certificate = ServerCertificate.forLocalhost(dir.resolve("tls"));
        // As the Dockerfile runs it: no options but those in conf/keycloak.conf.
        ProcessGroup.start(List.of(kc(home), "build"), home, javaHome(), dir.resolve("build.log"))
                .awaitSuccess(BUILD_TIMEOUT, "kc.sh build");

        Map<String, String> options = new LinkedHashMap<>(siteOptions(node, dir, certificate, deployment.database()));
        options.putAll(testOptions);
        String adminPassword = randomPassword();
        options.put("vault-dir", deployment.secrets().writeVault(dir.resolve("vault")).toString());
        Map<String, String> environment = new LinkedHashMap<>(startEnvironment(adminPassword));
        environment.putAll(deployment.secrets().environment());
        ProcessGroup server = ProcessGroup.start(startCommand(home, options), home, environment, dir.resolve("keycloak.log"));
        ProductionKeycloak keycloak = new ProductionKeycloak(node, certificate, adminPassword, server);
        keycloak.awaitReady();
        return keycloak;
    }

    /** The image's entry point and command, with the options given. */
    private static List<String> startCommand(Path home, Map<String, String> options) {
        List<String> command = new ArrayList<>(List.of(kc(home), "start", "--optimized", "--import-realm"));
        options.forEach((name, value) -> command.add("--" + name + "=" + value));
        return command;
    }

    /** The bootstrap admin is used only while the master realm has no administrator yet. */
    private static Map<String, String> startEnvironment(String adminPassword) {
        Map<String, String> environment = new LinkedHashMap<>(javaHome());
        environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
        environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        return environment;
    }

    /** The image's layout: the distribution, its providers/ and conf/keycloak.conf, the realm in data/import. */
    private static Path install(Deployment deployment, Path home) throws IOException {
        KeycloakInstallation installation = new KeycloakInstallation(deployment.image().distZip(), home);
        installation.unpackIfAbsent();
        installation.installProviders(deployment.image().providers());
        Files.copy(deployment.image().configuration(), home.resolve("conf/keycloak.conf"), StandardCopyOption.REPLACE_EXISTING);
        installation.stageRealm(deployment.realmFile());
        return home;
    }

    /** What compose.yaml and the image's volumes supply in production, pointed at this node's ports and folder. */
    private static Map<String, String> siteOptions(Node node, Path dir, ServerCertificate certificate, ProductionDatabase database) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("hostname", "https://localhost:" + node.httpsPort());
        options.put("https-port", Integer.toString(node.httpsPort()));
        // Where HTTP would listen if it were on: the test checks that nothing does.
        options.put("http-port", Integer.toString(node.httpPort()));
        options.put("http-management-port", Integer.toString(node.managementPort()));
        options.put("https-certificate-file", certificate.certificateFile().toString());
        options.put("https-certificate-key-file", certificate.keyFile().toString());
        options.put("db-url", database.jdbcUrl());
        options.put("db-username", ProductionDatabase.USER);
        options.put("cache-embedded-network-bind-address", "127.0.0.1");
        options.put("cache-embedded-network-bind-port", Integer.toString(node.clusterPort()));
        options.put("spi-events-listener--hipaa-audit--signing-key-file", dir.resolve("audit-key/audit-ledger.key").toString());
        options.put("spi-events-listener--hipaa-audit--key-name", node.signerName());
        options.put("spi-events-listener--hipaa-audit--siem-cursor-file", dir.resolve("keycloak/data/audit-ledger/siem-cursor").toString());
        options.put("spi-authenticator--hipaa-badge-tap--key-file", dir.resolve("badge-key/hipaa-badge.key").toString());
        options.put("spi-realm-restapi-extension--hr-feed--server-url", "https://localhost:" + node.httpsPort() + "/");
        return options;
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(certificate.trustingClient()).connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (server.isAlive() && System.nanoTime() < deadline) {
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // the management interface opens a few seconds into the start
            }
            Thread.sleep(500);
        }
        String why = server.isAlive() ? "was not ready within " + START_TIMEOUT : "exited during the start";
        String log = server.logTail();
        close();
        throw new IllegalStateException("Keycloak " + node.name() + " " + why + " (log " + server.log() + "):\n" + log);
    }

    public Node node() {
        return node;
    }

    public String baseUrl() {
        return "https://localhost:" + node.httpsPort();
    }

    public String realmUrl(String realm) {
        return baseUrl() + "/realms/" + realm;
    }

    public String managementUrl() {
        return "https://localhost:" + node.managementPort();
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** A client context that trusts this node's certificate and nothing else. */
    public SSLContext tls() throws IOException, GeneralSecurityException {
        return certificate.trustingClient();
    }

    public Path log() {
        return server.log();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException shuttingDown) {
            // already running as the hook
        }
    }

    private void stopQuietly() {
        try {
            server.stop();
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not stop Keycloak " + node.name() + ": " + e);
        }
    }

    private static String kc(Path home) {
        return home.resolve("bin/kc.sh").toString();
    }

    /** kc.sh runs the same JDK as the tests. */
    private static Map<String, String> javaHome() {
        return Map.of("JAVA_HOME", System.getProperty("java.home"));
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
