package org.hipaaiam.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hipaaiam.launcher.KeycloakInstallation;
import org.hipaaiam.launcher.Launcher;
import org.hipaaiam.launcher.ReadinessProbe;

/**
 * A Keycloak under load: one install, started fresh (empty database, empty ledger) for each configuration, in
 * development mode (embedded database, plain HTTP) but with production's theme caching.
 */
final class BenchKeycloak implements AutoCloseable {

    static final String BASE_URL = "http://localhost:8080";

    private final Process process;

    private BenchKeycloak(Process process) {
        this.process = process;
    }

    static BenchKeycloak start(KeycloakInstallation installation, Path providers, Path realmFile, Path log) throws IOException {
        return start(installation, providers, realmFile, log, List.of());
    }

    /** With extra server options, e.g. `--proxy-headers=xforwarded`. */
    static BenchKeycloak start(KeycloakInstallation installation, Path providers, Path realmFile, Path log, List<String> options)
            throws IOException {
        KeycloakInstallation.deleteRecursively(installation.home().resolve("data"));
        installation.installProviders(providers);
        installation.stageRealm(realmFile);
        List<String> command = new ArrayList<>(List.of(installation.home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=8080", "--http-management-port=9000", "--health-enabled=true", "--import-realm",
                "--log-level=WARN",
                // Development mode re-reads themes and re-parses templates on every page; production caches them.
                "--spi-theme--cache-themes=true", "--spi-theme--cache-templates=true", "--spi-theme--static-max-age=2592000"));
        command.addAll(options);
        Process process = new ProcessBuilder(command)
                .directory(installation.home().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        BenchKeycloak keycloak = new BenchKeycloak(process);
        if (!new ReadinessProbe("http://localhost:9000/health/ready").await(process, TimeUnit.MINUTES.toMillis(5))) {
            keycloak.close();
            throw new IllegalStateException("Keycloak did not become ready; see " + log);
        }
        return keycloak;
    }

    static Path providerSelection(Path allJars, Path target, List<String> artifactPrefixes) throws IOException {
        KeycloakInstallation.deleteRecursively(target);
        Files.createDirectories(target);
        try (var jars = Files.list(allJars)) {
            for (Path jar : jars.toList()) {
                String name = jar.getFileName().toString();
                if (artifactPrefixes.stream().anyMatch(name::startsWith)) {
                    Files.copy(jar, target.resolve(name));
                }
            }
        }
        return target;
    }

    /** CPU time the server has used so far: kc.sh's Java process and any other process it started. */
    long cpuNanos() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .mapToLong(handle -> handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
                .sum();
    }

    /** Starts a JFR recording (method sampling every 10 ms) in the server's JVM. */
    void startProfile() throws IOException, InterruptedException {
        jcmd("JFR.start", "name=bench", "settings=profile");
    }

    /** Writes the recording started by {@link #startProfile} to `file` and stops it. */
    void stopProfile(Path file) throws IOException, InterruptedException {
        jcmd("JFR.stop", "name=bench", "filename=" + file.toAbsolutePath());
    }

    private void jcmd(String... command) throws IOException, InterruptedException {
        long pid = Stream.concat(Stream.of(process.toHandle()), process.descendants())
                .filter(handle -> handle.info().command().orElse("").endsWith("/java"))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Java process under kc.sh")).pid();
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    @Override
    public void close() {
        Launcher.stop(process);
    }
}
