package org.hipaaiam.logoff.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hipaaiam.auth.workstation.WorkstationClass;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.logoff.policy.IdlePolicy.WalkAway;

/**
 * The realm's idle policies: one per workstation class, one for sessions the bundle cannot place (fail closed:
 * as strict as a clinical workstation), and per client. Stored as realm attributes, so they are exported with
 * the realm. A bad value falls back to that class's shipped policy and is reported as an invalid setting.
 */
public record LogoffPolicies(Map<WorkstationClass, IdlePolicy> classes, IdlePolicy unclassified, Map<String, IdlePolicy> clients) {

    /** The reference hospital's policy table. */
    public static final Map<WorkstationClass, IdlePolicy> SHIPPED = Map.of(
            WorkstationClass.CLINICAL, IdlePolicy.of(Duration.ofMinutes(5), Duration.ofMinutes(15), WalkAway.LOCK),
            WorkstationClass.ADMINISTRATIVE, IdlePolicy.of(Duration.ofMinutes(10), Duration.ofMinutes(30), WalkAway.LOCK),
            // a cart moves from room to room: a short lock, unlocked by fingerprint or PIN; ended like a clinical screen
            WorkstationClass.MOBILE_CART, IdlePolicy.of(Duration.ofMinutes(2), Duration.ofMinutes(15), WalkAway.LOCK),
            // a kiosk serves one short task to whoever stands at it: no lock to come back to, ended soon
            WorkstationClass.KIOSK, IdlePolicy.of(null, Duration.ofMinutes(5), WalkAway.END));
    public static final IdlePolicy SHIPPED_UNCLASSIFIED = IdlePolicy.of(Duration.ofMinutes(5), Duration.ofMinutes(15), WalkAway.LOCK);

    public static final Setting<IdlePolicy> UNCLASSIFIED = Setting.parsed("hipaa.idle.unclassified", SHIPPED_UNCLASSIFIED, IdlePolicy::parse)
            .strictest(SHIPPED_UNCLASSIFIED);
    /** Per client: `clientId: policy; ...`; a bad list gives those clients the unclassified policy. */
    public static final Setting<Map<String, IdlePolicy>> CLIENTS = Setting.parsed("hipaa.idle.clients", Map.<String, IdlePolicy>of(),
            ClientPolicies::parse).strictest(Map.of());
    private static final Map<WorkstationClass, Setting<IdlePolicy>> CLASS_SETTINGS = classSettings();

    public LogoffPolicies {
        classes = Map.copyOf(classes);
        clients = Map.copyOf(clients);
    }

    public static LogoffPolicies of(RealmSettings settings) {
        Map<WorkstationClass, IdlePolicy> classes = new LinkedHashMap<>();
        CLASS_SETTINGS.forEach((workstationClass, setting) -> classes.put(workstationClass, settings.get(setting)));
        return new LogoffPolicies(classes, settings.get(UNCLASSIFIED), settings.get(CLIENTS));
    }

    /** The realm attribute holding a class's policy: `hipaa.idle.clinical`, `hipaa.idle.mobileCart`, ... */
    public static Setting<IdlePolicy> settingOf(WorkstationClass workstationClass) {
        return CLASS_SETTINGS.get(workstationClass);
    }

    /** The policy a session's class names; a name the realm no longer has gets the unclassified policy. */
    public IdlePolicy of(SessionClass sessionClass) {
        return switch (sessionClass.kind()) {
            case WORKSTATION -> WorkstationClass.fromWire(sessionClass.name()).map(classes::get).orElse(unclassified);
            case CLIENT -> clients.getOrDefault(sessionClass.name(), unclassified);
            case UNCLASSIFIED -> unclassified;
        };
    }

    /** The longest terminate time: the realm's SSO idle must be at least this, or Keycloak would end sessions first. */
    public Duration longestTerminate() {
        return Stream.of(classes.values().stream(), clients.values().stream(), Stream.of(unclassified)).flatMap(s -> s)
                .map(IdlePolicy::terminate).max(Duration::compareTo).orElseThrow();
    }

    /** Why these policies cannot be used with an SSO idle of `ssoIdle`, if they cannot. */
    public Optional<String> problemWith(Duration ssoIdle) {
        Duration longest = longestTerminate();
        return longest.compareTo(ssoIdle) > 0
                ? Optional.of("a terminate time of " + longest.toSeconds() + " s exceeds the realm's SSO session idle of "
                + ssoIdle.toSeconds() + " s; raise the SSO idle first")
                : Optional.empty();
    }

    private static Map<WorkstationClass, Setting<IdlePolicy>> classSettings() {
        return Map.of(
                WorkstationClass.CLINICAL, Setting.parsed("hipaa.idle.clinical", shipped(WorkstationClass.CLINICAL), IdlePolicy::parse),
                WorkstationClass.ADMINISTRATIVE, Setting.parsed("hipaa.idle.administrative", shipped(WorkstationClass.ADMINISTRATIVE),
                        IdlePolicy::parse),
                WorkstationClass.MOBILE_CART, Setting.parsed("hipaa.idle.mobileCart", shipped(WorkstationClass.MOBILE_CART), IdlePolicy::parse),
                WorkstationClass.KIOSK, Setting.parsed("hipaa.idle.kiosk", shipped(WorkstationClass.KIOSK), IdlePolicy::parse))
                .entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        entry -> entry.getValue().strictest(shipped(entry.getKey()))));
    }

    private static IdlePolicy shipped(WorkstationClass workstationClass) {
        return SHIPPED.get(workstationClass);
    }
}
