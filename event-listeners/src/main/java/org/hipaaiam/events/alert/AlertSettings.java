package org.hipaaiam.events.alert;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A realm's alert settings, from realm attributes `hipaa.alerts.*` (defaults in one place, below). The
 * webhook secret may be a vault reference `${vault.<key>}`, resolved only when a delivery is signed.
 */
public record AlertSettings(String webhookUrl, String webhookSecret, String emailTo, int failedLoginThreshold,
                            Duration failedLoginWindow, Set<String> privilegedRoles, LocalTime businessStart,
                            LocalTime businessEnd, ZoneId zone) {

    public static final String PREFIX = "hipaa.alerts.";
    public static final String WEBHOOK_URL = PREFIX + "webhook.url";
    public static final String WEBHOOK_SECRET = PREFIX + "webhook.secret";
    public static final String EMAIL_TO = PREFIX + "email.to";
    public static final String FAILED_LOGIN_THRESHOLD = PREFIX + "failed-logins.threshold";
    public static final String FAILED_LOGIN_WINDOW_MINUTES = PREFIX + "failed-logins.window-minutes";
    public static final String PRIVILEGED_ROLES = PREFIX + "privileged-roles";
    public static final String BUSINESS_HOURS = PREFIX + "business-hours";
    public static final String TIME_ZONE = PREFIX + "time-zone";

    static final String DEFAULT_PRIVILEGED_ROLES =
            "iam-admin,privacy-officer,hr-feed,realm-admin,manage-realm,manage-users,manage-clients,manage-authorization,admin,create-realm";

    public static AlertSettings from(Map<String, String> attributes) {
        String[] hours = attributes.getOrDefault(BUSINESS_HOURS, "07:00-19:00").split("-");
        if (hours.length != 2) {
            throw new IllegalArgumentException(BUSINESS_HOURS + " must look like 07:00-19:00");
        }
        return new AlertSettings(
                blankToNull(attributes.get(WEBHOOK_URL)),
                blankToNull(attributes.get(WEBHOOK_SECRET)),
                blankToNull(attributes.get(EMAIL_TO)),
                Integer.parseInt(attributes.getOrDefault(FAILED_LOGIN_THRESHOLD, "5")),
                Duration.ofMinutes(Long.parseLong(attributes.getOrDefault(FAILED_LOGIN_WINDOW_MINUTES, "10"))),
                Arrays.stream(attributes.getOrDefault(PRIVILEGED_ROLES, DEFAULT_PRIVILEGED_ROLES).split(","))
                        .map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()),
                LocalTime.parse(hours[0].trim()),
                LocalTime.parse(hours[1].trim()),
                ZoneId.of(attributes.getOrDefault(TIME_ZONE, "UTC")));
    }

    public boolean hasChannel() {
        return webhookUrl != null || emailTo != null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
