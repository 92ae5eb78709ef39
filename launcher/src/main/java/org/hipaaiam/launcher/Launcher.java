package org.hipaaiam.launcher;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The run command. Starts Keycloak in development mode (HTTP on localhost, H2 file database) with the
 * bundle and the hipaa realm, all state under one folder. Ctrl-C stops Keycloak before the JVM exits.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        LauncherSettings settings = LauncherSettings.from(System.getenv(), System.getProperties());
        Path home = KeycloakInstallation.prepare(settings);
        AdminCredentials admin = AdminCredentials.loadOrCreate(settings.stateDir());

        ProcessBuilder builder = new ProcessBuilder(command(home, settings))
                .directory(home.toFile())
                .inheritIO();
        Map<String, String> env = builder.environment();
        // Used by Keycloak only while the master realm has no administrator yet.
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", admin.username());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", admin.password());

        Process keycloak = builder.start();
        DemoClinicalApp demoApp = new DemoClinicalApp("http://localhost:" + settings.httpPort() + "/realms/hipaa");
        demoApp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demoApp.stop();
            stop(keycloak);
        }, "keycloak-shutdown"));
        Thread banner = new Thread(() -> printWhenReady(keycloak, settings, admin), "ready-banner");
        banner.setDaemon(true);
        banner.start();
        int exit = keycloak.waitFor();
        if (exit != 0 && exit != 130 && exit != 143) {
            throw new IllegalStateException("Keycloak exited with status " + exit + "; see the log above");
        }
    }

    static List<String> command(Path home, LauncherSettings settings) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/kc.sh").toString());
        command.add("start-dev");
        command.add("--http-port=" + settings.httpPort());
        command.add("--http-management-port=" + settings.managementPort());
        command.add("--health-enabled=true");
        command.add("--metrics-enabled=true");
        command.add("--features=scim-api");
        command.add("--import-realm");
        return command;
    }

    private static void printWhenReady(Process keycloak, LauncherSettings settings, AdminCredentials admin) {
        ReadinessProbe probe = new ReadinessProbe("http://localhost:" + settings.managementPort() + "/health/ready");
        if (probe.await(keycloak, TimeUnit.MINUTES.toMillis(5))) {
            System.out.println(ReadyBanner.render(settings, admin));
        }
    }

    /** Asks Keycloak to shut down (SIGTERM), and kills it if it has not stopped within 30 s. */
    public static void stop(Process keycloak) {
        if (!keycloak.isAlive()) {
            return;
        }
        keycloak.destroy();
        try {
            if (!keycloak.waitFor(30, TimeUnit.SECONDS)) {
                keycloak.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
