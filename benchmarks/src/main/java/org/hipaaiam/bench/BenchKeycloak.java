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

/** A Keycloak under load: one install, started fresh (empty database, empty ledger) for each configuration. */
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
                "--log-level=WARN"));
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

    @Override
    public void close() {
        Launcher.stop(process);
    }
}
