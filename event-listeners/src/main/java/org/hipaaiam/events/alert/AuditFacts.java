package org.hipaaiam.events.alert;

import java.util.List;
import java.util.Map;

/** The few fields of an audit record that alert rules look at, read once from the record; `resourcePath` of admin events. */
public record AuditFacts(String realmId, String realmName, int classUid, int activityId, boolean failed, String keycloakType,
                         String userId, String username, String ipAddress, long time, String resourcePath,
                         String representation, Map<String, Object> details, List<String> roles) {

    @SuppressWarnings("unchecked")
    public static AuditFacts of(Map<String, Object> record) {
        Map<String, Object> keycloak = map(map(record.get("unmapped")).get("keycloak"));
        Map<String, Object> user = map(record.get("user"));
        return new AuditFacts(
                (String) keycloak.get("realm_id"),
                (String) keycloak.get("realm_name"),
                number(record.get("class_uid")),
                number(record.get("activity_id")),
                number(record.get("status_id")) == 2,
                (String) keycloak.get("type"),
                (String) user.get("uid"),
                (String) user.get("name"),
                (String) map(record.get("src_endpoint")).get("ip"),
                ((Number) record.getOrDefault("time", 0L)).longValue(),
                (String) keycloak.get("resource_path"),
                (String) keycloak.get("representation"),
                map(keycloak.get("details")),
                keycloak.get("roles") instanceof List<?> roles ? (List<String>) roles : List.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static int number(Object value) {
        return value instanceof Number number ? number.intValue() : 0;
    }
}
