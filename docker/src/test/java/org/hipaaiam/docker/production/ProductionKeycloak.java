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
import java.time.Duration;
import java.util.ArrayList;
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
    private final PublicAddress address;
    private final String adminPassword;
    private final Launch launch;
    private volatile ProcessGroup server;
    private final Thread stopOnExit;

    /** How the server is started, kept so a killed node can be started again on the same folder. */
    private record Launch(List<String> command, Path home, Map<String, String> environment, Path log) {

        ProcessGroup start() throws IOException {
            return ProcessGroup.start(command, home, environment, log);
        }
    }

    private ProductionKeycloak(Node node, PublicAddress address, String adminPassword, Launch launch) throws IOException {
        this.node = node;
        this.address = address;
        this.adminPassword = adminPassword;
        this.launch = launch;
        this.server = launch.start();
        // A test JVM that ends without @AfterAll must not leave a server holding the ports and the database.
        this.stopOnExit = new Thread(this::stopQuietly, "stop-" + node.name());
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * Installs, builds and starts a single node reached at its own HTTPS port, and returns once it reports ready on
     * its management port.
     *
     * @param testOptions runtime options the test needs on top of the site's values, e.g. short task intervals
     */
    public static ProductionKeycloak start(Deployment deployment, Node node, Map<String, String> testOptions) throws Exception {
        Path dir = freshFolder(deployment, node);
        return startIn(dir, deployment, node, PublicAddress.localhost(node.httpsPort(), dir.resolve("tls")), testOptions);
    }

    /** The same for one node of a cluster: every node serves the shared public address and its certificate. */
    public static ProductionKeycloak start(Deployment deployment, Node node, PublicAddress address, Map<String, String> testOptions)
            throws Exception {
        return startIn(freshFolder(deployment, node), deployment, node, address, testOptions);
    }

    private static ProductionKeycloak startIn(Path dir, Deployment deployment, Node node, PublicAddress address,
            Map<String, String> testOptions) throws Exception {
        Path home = install(deployment, dir.resolve("keycloak"));
        // The image's key folders, mode 700 as the Dockerfile makes them.
        for (String keys : new String[] {"audit-key", "badge-key"}) {
            Files.createDirectories(dir.resolve(keys), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        deployment.secrets().writeBadgeKey(dir.resolve("badge-key/hipaa-badge.key"));
        // As the Dockerfile runs it: no options but those in conf/keycloak.conf.
        ProcessGroup.start(List.of(kc(home), "build"), home, javaHome(), dir.resolve("build.log"))
                .awaitSuccess(BUILD_TIMEOUT, "kc.sh build");

        Map<String, String> options = new LinkedHashMap<>(siteOptions(node, dir, address, deployment.database()));
        options.putAll(testOptions);
        String adminPassword = deployment.secrets().bootstrapAdminPassword();
        options.put("vault-dir", deployment.secrets().writeVault(dir.resolve("vault")).toString());
        Map<String, String> environment = new LinkedHashMap<>(startEnvironment(adminPassword));
        environment.putAll(deployment.secrets().environment());
        ProductionKeycloak keycloak = new ProductionKeycloak(node, address, adminPassword,
                new Launch(startCommand(home, options), home, environment, dir.resolve("keycloak.log")));
        keycloak.awaitReady();
        return keycloak;
    }

    /** The node's folder, emptied: every run starts from nothing. */
    private static Path freshFolder(Deployment deployment, Node node) throws IOException {
        Path dir = deployment.workDir().resolve(node.name());
        KeycloakInstallation.deleteRecursively(dir);
        Files.createDirectories(dir);
        return dir;
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
        // A set heap: Keycloak's default is a share of the machine's memory, and a cluster test runs two servers.
        environment.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx768m");
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
    private static Map<String, String> siteOptions(Node node, Path dir, PublicAddress address, ProductionDatabase database) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("hostname", address.url());
        options.put("https-port", Integer.toString(node.httpsPort()));
        // Where HTTP would listen if it were on: the test checks that nothing does.
        options.put("http-port", Integer.toString(node.httpPort()));
        options.put("http-management-port", Integer.toString(node.managementPort()));
        options.put("https-certificate-file", address.certificate().certificateFile().toString());
        options.put("https-certificate-key-file", address.certificate().keyFile().toString());
        options.put("db-url", database.jdbcUrl());
        options.put("db-username", ProductionDatabase.USER);
        // Cluster traffic on loopback only; discovery stays JDBC_PING on the database, as keycloak.conf leaves it.
        options.put("cache-embedded-network-bind-address", "127.0.0.1");
        options.put("cache-embedded-network-bind-port", Integer.toString(node.clusterPort()));
        options.put("spi-events-listener--hipaa-audit--signing-key-file", dir.resolve("audit-key/audit-ledger.key").toString());
        options.put("spi-events-listener--hipaa-audit--key-name", node.signerName());
        options.put("spi-events-listener--hipaa-audit--siem-cursor-file", dir.resolve("keycloak/data/audit-ledger/siem-cursor").toString());
        options.put("spi-authenticator--hipaa-badge-tap--key-file", dir.resolve("badge-key/hipaa-badge.key").toString());
        options.put("spi-realm-restapi-extension--hr-feed--server-url", address.url() + "/");
        options.put("spi-events-listener--hipaa-idle-index--server-url", address.url() + "/");
        return options;
    }

    private void awaitReady() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(address.certificate().trustingClient()).connectTimeout(Duration.ofSeconds(2)).build();
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

    /** This node's own HTTPS port, bypassing any front door: for the admin API and back-channel calls. */
    public String baseUrl() {
        return "https://localhost:" + node.httpsPort();
    }

    /** This node's folder: its install, ledger, keys and logs. */
    public Path folder() {
        return launch.home().getParent();
    }

    /** Where this node's audit ledger lives (the image's volume). */
    public Path ledgerDir() {
        return launch.home().resolve("data/audit-ledger");
    }

    /** SIGKILL to the server's processes: nothing is flushed or closed, as in a crash. */
    public void kill() throws IOException, InterruptedException {
        server.kill();
    }

    /** Starts the server again on its folder as it was left, ledger and outbox included, and waits until ready. */
    public void restart() throws Exception {
        if (server.isAlive()) {
            throw new IllegalStateException(node.name() + " is still running");
        }
        server = launch.start();
        awaitReady();
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
        return address.certificate().trustingClient();
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
}
