package org.hipaaiam.core.settings;

import org.keycloak.Config;

/**
 * A provider's SPI options (`--spi-<spi>--<provider>--<option>`), read once at start. A bad value stops the
 * server with the option's name and the reason: a start-up setting has an operator watching.
 */
public final class SpiOptions {

    private final Config.Scope scope;

    public SpiOptions(Config.Scope scope) {
        this.scope = scope;
    }

    public <T> T get(Setting<T> option) {
        try {
            return option.parse(scope == null ? null : scope.get(option.key()));
        } catch (InvalidSetting invalid) {
            throw new IllegalStateException("SPI option " + invalid.getMessage(), invalid);
        }
    }
}
