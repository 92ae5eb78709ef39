package org.hipaaiam.auth.badge;

import java.nio.file.Path;
import org.keycloak.Config;

/**
 * Where the server's badge key lives: SPI option `key-file` of the `hipaa-badge-tap` authenticator
 * (`--spi-authenticator--hipaa-badge-tap--key-file=/path`), default `data/hipaa-badge.key` under the Keycloak
 * home. Every node of a cluster must be given the same file. Read once, shared by the tap step, the enrolment
 * action and the admin API.
 */
public final class BadgeKeyFile {

    public static final String OPTION = "key-file";
    private static volatile BadgeKey loaded;

    private BadgeKeyFile() {
    }

    public static BadgeKey key() {
        BadgeKey key = loaded;
        if (key == null) {
            synchronized (BadgeKeyFile.class) {
                if (loaded == null) {
                    loaded = BadgeKey.fromFile(configuredPath());
                }
                key = loaded;
            }
        }
        return key;
    }

    static Path configuredPath() {
        String configured = Config.scope("authenticator", BadgeTapAuthenticatorFactory.ID).get(OPTION);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("kc.home.dir", "."), "data", "hipaa-badge.key");
    }
}
