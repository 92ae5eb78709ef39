package org.hipaaiam.events.alert;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One alert: which rule fired, about whom, and why. Its JSON is what webhooks receive. */
public record Alert(String id, String rule, String severity, String title, String description, String realmId,
                    String realmName, String userId, String username, String sourceIp, long time) {

    public static Alert of(String rule, String severity, String title, String description, AuditFacts facts) {
        return new Alert(UUID.randomUUID().toString(), rule, severity, title, description, facts.realmId(), facts.realmName(),
                facts.userId(), facts.username(), facts.ipAddress(), facts.time());
    }

    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("rule", rule);
        json.put("severity", severity);
        json.put("title", title);
        json.put("description", description);
        json.put("realm", realmName);
        json.put("realm_id", realmId);
        Map<String, Object> user = new LinkedHashMap<>();
        if (userId != null) {
            user.put("id", userId);
        }
        if (username != null) {
            user.put("username", username);
        }
        json.put("user", user);
        if (sourceIp != null) {
            json.put("source_ip", sourceIp);
        }
        json.put("time", time);
        json.put("time_dt", DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC).format(Instant.ofEpochMilli(time)));
        return json;
    }
}
