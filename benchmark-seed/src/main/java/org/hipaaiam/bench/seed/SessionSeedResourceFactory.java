package org.hipaaiam.bench.seed;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;

/**
 * `/realms/{realm}/hipaa-bench-sessions`: for benchmarks only. It answers anyone and moves the server's clock, so
 * Keycloak refuses to start with it unless the SPI option `enabled` is `true`; nothing the project ships installs it.
 */
public final class SessionSeedResourceFactory extends RealmResourceFactory {

    static final Setting<Boolean> ENABLED = Setting.flag("enabled", false);

    public SessionSeedResourceFactory() {
        super("hipaa-bench-sessions");
    }

    @Override
    public void init(Config.Scope config) {
        if (!new SpiOptions(config).get(ENABLED)) {
            throw new IllegalStateException("hipaa-bench-sessions is a benchmark-only provider; remove its jar, or start with "
                    + "--spi-realm-restapi-extension--hipaa-bench-sessions--enabled=true on a benchmark server");
        }
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new SessionSeedResource(session);
    }
}
