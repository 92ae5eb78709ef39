package org.hipaaiam.logoff.policy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How long a session may sit idle: past `lock` it is locked (refresh refused, unlock with the class's short
 * factor inside the same session), past `terminate` it is ended. Both count from the user's last activity. A
 * policy without a lock ends the session at `terminate` without locking it first. `badgeLeaves` says what the
 * reader agent's walk-away event does to the session of that workstation.
 *
 * Written as text, e.g. `lock=5m terminate=15m badge-leaves=lock` (units s, m, h; `lock=none` for no lock).
 */
public record IdlePolicy(Optional<Duration> lock, Duration terminate, WalkAway badgeLeaves) {

    /** What a walk-away does: lock the session, or end it. */
    public enum WalkAway {
        LOCK, END;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        static WalkAway fromWire(String text) {
            for (WalkAway value : values()) {
                if (value.wireName().equals(text)) {
                    return value;
                }
            }
            throw new IllegalArgumentException("badge-leaves must be lock or end");
        }
    }

    /** Shortest lock and terminate times a policy may set: below them a clinician could not finish reading a screen. */
    static final Duration SHORTEST = Duration.ofSeconds(5);

    public IdlePolicy {
        if (terminate.compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("terminate must be at least " + SHORTEST.toSeconds() + " seconds");
        }
        if (lock.isPresent() && lock.get().compareTo(SHORTEST) < 0) {
            throw new IllegalArgumentException("lock must be at least " + SHORTEST.toSeconds() + " seconds, or none");
        }
        if (lock.isPresent() && lock.get().compareTo(terminate) >= 0) {
            throw new IllegalArgumentException("lock must be shorter than terminate");
        }
    }

    public static IdlePolicy of(Duration lock, Duration terminate, WalkAway badgeLeaves) {
        return new IdlePolicy(Optional.ofNullable(lock), terminate, badgeLeaves);
    }

    /** Reads the text form; throws {@link IllegalArgumentException} with the reason for a bad one. */
    public static IdlePolicy parse(String text) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : text.trim().split("\\s+")) {
            int equals = part.indexOf('=');
            if (equals <= 0 || equals == part.length() - 1) {
                throw new IllegalArgumentException("expected name=value, got '" + part + "'");
            }
            String name = part.substring(0, equals);
            if (!Map.of("lock", 1, "terminate", 1, "badge-leaves", 1).containsKey(name)) {
                throw new IllegalArgumentException("unknown part '" + name + "' (lock, terminate, badge-leaves)");
            }
            if (parts.put(name, part.substring(equals + 1)) != null) {
                throw new IllegalArgumentException(name + " given twice");
            }
        }
        if (!parts.containsKey("terminate")) {
            throw new IllegalArgumentException("terminate is required");
        }
        String lock = parts.getOrDefault("lock", "none");
        return new IdlePolicy("none".equals(lock) ? Optional.empty() : Optional.of(duration(lock)), duration(parts.get("terminate")),
                WalkAway.fromWire(parts.getOrDefault("badge-leaves", "lock")));
    }

    /** The text form {@link #parse} reads. */
    public String text() {
        return "lock=" + lock.map(IdlePolicy::durationText).orElse("none") + " terminate=" + durationText(terminate)
                + " badge-leaves=" + badgeLeaves.wireName();
    }

    private static Duration duration(String text) {
        char unit = text.charAt(text.length() - 1);
        long perUnit = switch (unit) {
            case 's' -> 1;
            case 'm' -> 60;
            case 'h' -> 3600;
            default -> throw new IllegalArgumentException("a time needs a unit s, m or h: '" + text + "'");
        };
        try {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            if (amount < 0 || amount > 24 * 3600) {
                throw new IllegalArgumentException("time out of range: '" + text + "'");
            }
            return Duration.ofSeconds(amount * perUnit);
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("not a time: '" + text + "'");
        }
    }

    private static String durationText(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
