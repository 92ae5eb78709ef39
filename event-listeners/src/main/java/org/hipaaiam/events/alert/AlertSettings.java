package org.hipaaiam.events.alert;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.settings.Setting;

/**
 * A realm's alert settings, from realm attributes `hipaa.alerts.*`; every default is here. The webhook secret
 * ({@link #WEBHOOK_SECRET}, may be a vault reference `${vault.<key>}`) is not kept here: it is resolved only when a
 * delivery is signed.
 */
public record AlertSettings(URI webhookUrl, String emailTo, int failedLoginThreshold,
                            Duration failedLoginWindow, Set<String> privilegedRoles, BusinessHours businessHours, ZoneId zone) {

    /** Where alerts are posted: https, or http only to a receiver on this host. */
    public static final Setting<URI> WEBHOOK_URL = Setting.parsed("hipaa.alerts.webhookUrl", null, AlertSettings::webhookTarget);
    public static final Setting<String> WEBHOOK_SECRET = Setting.secret("hipaa.alerts.webhookSecret");
    public static final Setting<String> EMAIL_TO = Setting.text("hipaa.alerts.emailTo", null);
    /** The reference hospital's trigger: 5 failed sign-ins in 10 minutes; a bad value alerts sooner, not later. */
    public static final Setting<Long> FAILED_LOGIN_THRESHOLD = Setting.number("hipaa.alerts.failedLoginThreshold", 5, 1, 1000).strictest(3L);
    public static final Setting<Long> FAILED_LOGIN_WINDOW_MINUTES = Setting.number("hipaa.alerts.failedLoginWindowMinutes", 10, 1, 1440)
            .strictest(60L);
    /** Roles whose grant alerts the SOC (who may hold them is the lifecycle module's `hipaa.privilege.roles`). */
    public static final Setting<List<String>> PRIVILEGED_ROLES = Setting.list("hipaa.alerts.privilegedRoles",
            "iam-admin,privacy-officer,hr-feed,realm-admin,manage-realm,manage-users,manage-clients,manage-authorization,admin,create-realm");
    public static final Setting<BusinessHours> BUSINESS_HOURS = Setting.parsed("hipaa.alerts.businessHours",
            new BusinessHours(LocalTime.of(7, 0), LocalTime.of(19, 0)), BusinessHours::parse);
    public static final Setting<ZoneId> TIME_ZONE = Setting.parsed("hipaa.alerts.timeZone", ZoneId.of("UTC"), AlertSettings::zone);

    /** Local working hours, `07:00-19:00`. */
    public record BusinessHours(LocalTime start, LocalTime end) {

        static BusinessHours parse(String configured) {
            String[] hours = configured.split("-");
            try {
                if (hours.length == 2) {
                    return new BusinessHours(LocalTime.parse(hours[0].trim()), LocalTime.parse(hours[1].trim()));
                }
            } catch (DateTimeParseException notATime) {
                // refused below
            }
            throw new IllegalArgumentException("must look like 07:00-19:00");
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    public static AlertSettings of(RealmSettings settings) {
        return new AlertSettings(
                settings.get(WEBHOOK_URL),
                blankToNull(settings.get(EMAIL_TO)),
                settings.get(FAILED_LOGIN_THRESHOLD).intValue(),
                Duration.ofMinutes(settings.get(FAILED_LOGIN_WINDOW_MINUTES)),
                Set.copyOf(settings.get(PRIVILEGED_ROLES)),
                settings.get(BUSINESS_HOURS),
                settings.get(TIME_ZONE));
    }

    public boolean hasChannel() {
        return webhookUrl != null || emailTo != null;
    }

    static URI webhookTarget(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException notAUri) {
            throw new IllegalArgumentException("must be a URL");
        }
        String host = uri.getHost();
        boolean local = "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && local)) {
            throw new IllegalArgumentException("must be https (http only to this host)");
        }
        return uri;
    }

    private static ZoneId zone(String configured) {
        try {
            return ZoneId.of(configured);
        } catch (DateTimeException unknown) {
            throw new IllegalArgumentException("must be a time zone such as America/New_York");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
