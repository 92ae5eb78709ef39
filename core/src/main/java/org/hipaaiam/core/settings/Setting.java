package org.hipaaiam.core.settings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * One configuration key of the bundle: its name, its default, how a value is parsed and checked, and, for a
 * security setting, the strictest value, used when a bad value is met where nobody can be told at once
 * (a realm attribute edited through the stock admin API). Realm attributes are named
 * `hipaa.<capability>.<settingInCamelCase>`; SPI options use Keycloak's kebab-case.
 *
 * A parser must return immutable values: {@link RealmSettings} keeps them for reuse.
 *
 * @param <T> the parsed type
 */
public final class Setting<T> {

    private final String key;
    private final T defaultValue;
    private final T strictest;
    private final Function<String, T> parser;

    private Setting(String key, T defaultValue, T strictest, Function<String, T> parser) {
        this.key = Objects.requireNonNull(key);
        this.defaultValue = defaultValue;
        this.strictest = strictest;
        this.parser = parser;
    }

    /** A whole number between `min` and `max`. */
    public static Setting<Long> number(String key, long defaultValue, long min, long max) {
        return new Setting<>(key, defaultValue, null, value -> {
            long parsed;
            try {
                parsed = Long.parseLong(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("must be a whole number");
            }
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return parsed;
        });
    }

    /** A decimal between `min` and `max`. */
    public static Setting<Double> decimal(String key, double defaultValue, double min, double max) {
        return new Setting<>(key, defaultValue, null, value -> {
            double parsed;
            try {
                parsed = Double.parseDouble(value);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("must be a number");
            }
            if (!(parsed >= min && parsed <= max)) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return parsed;
        });
    }

    /** `true` or `false`, nothing else. */
    public static Setting<Boolean> flag(String key, boolean defaultValue) {
        return new Setting<>(key, defaultValue, null, value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** Free text (trimmed). */
    public static Setting<String> text(String key, String defaultValue) {
        return new Setting<>(key, defaultValue, null, Function.identity());
    }

    /** A secret, or a vault reference `${vault.<key>}`: read it with {@link RealmSettings#secret}, which resolves the vault. */
    public static Setting<String> secret(String key) {
        return new Setting<>(key, null, null, Function.identity());
    }

    /** A comma-separated list; blank entries are dropped. */
    public static Setting<List<String>> list(String key, String defaultValue) {
        Function<String, List<String>> split = value -> Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
        return new Setting<>(key, split.apply(defaultValue), null, split);
    }

    /** Text checked by `parser`, which throws {@link IllegalArgumentException} with the reason for a bad value. */
    public static <T> Setting<T> parsed(String key, T defaultValue, Function<String, T> parser) {
        return new Setting<>(key, defaultValue, null, parser);
    }

    /** Marks a security setting: a bad value met at read time falls back to `value`, not to the default. */
    public Setting<T> strictest(T value) {
        return new Setting<>(key, defaultValue, Objects.requireNonNull(value), parser);
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean isSecurity() {
        return strictest != null;
    }

    /** The value used in place of a bad one: the strictest for a security setting, else the default. */
    public T fallback() {
        return strictest != null ? strictest : defaultValue;
    }

    /** The configured value, or the default when absent or blank; a bad value throws {@link InvalidSetting}. */
    public T parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return defaultValue;
        }
        try {
            return parser.apply(configured.trim());
        } catch (IllegalArgumentException bad) {
            throw new InvalidSetting(this, bad.getMessage());
        }
    }

    Class<?> parserClass() {
        return parser.getClass();
    }

    @Override
    public String toString() {
        return key;
    }
}
