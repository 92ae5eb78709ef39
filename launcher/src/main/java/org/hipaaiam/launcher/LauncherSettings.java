package org.hipaaiam.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * What the run command needs to know, read once from the environment (operator choices) and from
 * system properties (paths the build staged).
 */
public record LauncherSettings(
        int httpPort,
        int managementPort,
        Path stateDir,
        boolean reset,
        String keycloakVersion,
        Path distZip,
        Path providersDir,
        Path realmFile) {

    public static final int DEFAULT_HTTP_PORT = 8080;
    public static final int DEFAULT_MANAGEMENT_PORT = 9000;
    public static final String DEFAULT_STATE_DIR = ".hipaa-state";

    public static LauncherSettings from(Map<String, String> env, Properties props) {
        Path root = Path.of(require(props, "hipaa.projectRoot"));
        String state = env.getOrDefault("HIPAA_STATE_DIR", DEFAULT_STATE_DIR);
        return new LauncherSettings(
                port(env, "HIPAA_PORT", DEFAULT_HTTP_PORT),
                port(env, "HIPAA_MANAGEMENT_PORT", DEFAULT_MANAGEMENT_PORT),
                root.resolve(state).toAbsolutePath().normalize(),
                isReset(props.getProperty("hipaa.reset")) || isReset(env.get("HIPAA_RESET")),
                require(props, "hipaa.keycloakVersion"),
                Path.of(require(props, "hipaa.distZip")),
                Path.of(require(props, "hipaa.providers")),
                Path.of(require(props, "hipaa.realmFile")));
    }

    /** The Keycloak installation lives inside the state folder, so one reset clears server and data together. */
    public Path keycloakHome() {
        return stateDir.resolve("keycloak-" + keycloakVersion);
    }

    private static int port(Map<String, String> env, String key, int fallback) {
        String raw = env.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(raw.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a TCP port between 1 and 65535, got '" + raw + "'");
        }
    }

    // Maven turns a bare `-Dreset` into "true".
    private static boolean isReset(String raw) {
        return raw != null && (raw.trim().equalsIgnoreCase("true") || raw.trim().equals("1"));
    }

    private static String require(Properties props, String key) {
        String value = props.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing system property " + key + "; start the bundle with `mvn -Prun`");
        }
        return value;
    }
}
