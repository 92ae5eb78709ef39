package org.hipaaiam.core.settings;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.vault.VaultStringSecret;

/**
 * The one reader of the bundle's realm attributes. A bad value never breaks a sign-in or a scheduled task: the
 * setting's fallback (the strictest value for a security setting) is used and the problem is reported once
 * through {@link SettingProblems}. Writes through the bundle's own APIs check values with {@link Setting#parse}
 * first and refuse a bad one with 400.
 */
public final class RealmSettings {

    private final Function<String, String> attributes;
    private final KeycloakSession session;
    private final SettingProblems.Sink problems;

    private RealmSettings(Function<String, String> attributes, KeycloakSession session, SettingProblems.Sink problems) {
        this.attributes = attributes;
        this.session = session;
        this.problems = problems;
    }

    public static RealmSettings of(KeycloakSession session, RealmModel realm) {
        return new RealmSettings(realm::getAttribute, session, SettingProblems.recordedIn(session, realm));
    }

    /**
     * A provider's configuration in this realm (an authenticator execution's or a mapper's `config`), read by the
     * same rule: a bad value falls back and is reported once for the realm.
     */
    public static RealmSettings of(KeycloakSession session, RealmModel realm, Map<String, String> config) {
        Map<String, String> values = config == null ? Map.of() : config;
        return new RealmSettings(values::get, session, SettingProblems.recordedIn(session, realm));
    }

    /** For logic tested without a server: problems go to `problems`, vault references are not resolved. */
    public static RealmSettings of(Map<String, String> attributes, SettingProblems.Sink problems) {
        return new RealmSettings(attributes::get, null, problems);
    }

    public <T> T get(Setting<T> setting) {
        String configured = attributes.apply(setting.key());
        try {
            return ParsedValues.parse(setting, configured);
        } catch (InvalidSetting invalid) {
            problems.report(setting, configured, invalid.getMessage());
            return setting.fallback();
        }
    }

    /** A secret setting's value, a vault reference resolved; empty when unset or blank. */
    public Optional<String> secret(Setting<String> setting) {
        String configured = attributes.apply(setting.key());
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        if (session == null) {
            return Optional.of(configured);
        }
        try (VaultStringSecret resolved = session.vault().getStringSecret(configured)) {
            return resolved.get().filter(value -> !value.isBlank());
        }
    }
}
