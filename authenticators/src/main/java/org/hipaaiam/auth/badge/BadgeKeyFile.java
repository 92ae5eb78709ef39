package org.hipaaiam.auth.badge;

import java.nio.file.Path;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;
import org.keycloak.Config;
import org.keycloak.common.util.Environment;

/**
 * Where the server's badge key lives: SPI option `key-file` of the `hipaa-badge-tap` authenticator
 * (`--spi-authenticator--hipaa-badge-tap--key-file=/path`), default `data/hipaa-badge.key` under the Keycloak
 * home. Every node of a cluster must be given the same file; outside development mode a missing file stops the
 * start instead of being generated. Read once, shared by the tap step, the enrolment
 * action and the admin API.
 */
public final class BadgeKeyFile {

    public static final Setting<Path> OPTION = Setting.parsed("key-file",
            Path.of(System.getProperty("kc.home.dir", "."), "data", "hipaa-badge.key"), Path::of);
    private static volatile BadgeKey loaded;

    private BadgeKeyFile() {
    }

    public static BadgeKey key() {
        BadgeKey key = loaded;
        if (key == null) {
            synchronized (BadgeKeyFile.class) {
                if (loaded == null) {
                    loaded = BadgeKey.fromFile(new SpiOptions(Config.scope("authenticator", BadgeTapAuthenticatorFactory.ID)).get(OPTION),
                            Environment.isDevMode());
                }
                key = loaded;
            }
        }
        return key;
    }
}
