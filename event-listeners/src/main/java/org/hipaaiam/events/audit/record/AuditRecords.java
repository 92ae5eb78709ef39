package org.hipaaiam.events.audit.record;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.events.Event;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;

/**
 * Turns one Keycloak event into one audit record: an OCSF 1.8.0 event with the original Keycloak fields under
 * `unmapped.keycloak`. {@link CanonicalJson} turns it into the bytes the ledger stores and the SIEM receives.
 */
public final class AuditRecords {

    public static final String OCSF_VERSION = "1.8.0";
    public static final String PRODUCT = "HIPAA Keycloak bundle";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private AuditRecords() {
    }

    public static Map<String, Object> of(Event event, String realmName, Actor actor, Origin origin) {
        Activity activity = EventClassifier.of(event.getType());
        boolean failed = event.getError() != null;
        Map<String, Object> record = common(activity, event.getTime(), event.getId(), "user", failed, event.getError());
        record.put("message", event.getType().name() + (failed ? ": " + event.getError() : ""));

        Map<String, Object> user = new LinkedHashMap<>();
        putIfPresent(user, "uid", event.getUserId());
        if (event.getUserId() != null) {
            putIfPresent(user, "name", actor.username());
        }
        user.put("type_id", 1);
        record.put("user", user);
        record.put("actor", actor(actor, event.getClientId(), event.getSessionId()));
        record.put("src_endpoint", endpoint(origin));
        putIfPresent(record, "http_request", httpRequest(origin));
        putIfPresent(record, "device", device(origin));
        if (event.getClientId() != null) {
            record.put("service", Map.of("name", event.getClientId()));
        }
        if (activity.ocsfClass() == OcsfClass.AUTHENTICATION) {
            record.put("is_mfa", actor.amr().size() > 1);
            putIfPresent(record, "auth_protocol", authProtocol(event.getDetails()));
        }

        Map<String, Object> keycloak = new LinkedHashMap<>();
        keycloak.put("type", event.getType().name());
        putIfPresent(keycloak, "realm_id", event.getRealmId());
        putIfPresent(keycloak, "realm_name", realmName);
        putIfPresent(keycloak, "client_id", event.getClientId());
        putIfPresent(keycloak, "user_id", event.getUserId());
        putIfPresent(keycloak, "session_id", event.getSessionId());
        putIfPresent(keycloak, "ip_address", event.getIpAddress());
        putIfPresent(keycloak, "error", event.getError());
        keycloak.put("details", details(event));
        keycloak.put("roles", actor.roles());
        keycloak.put("amr", actor.amr());
        record.put("unmapped", Map.of("keycloak", keycloak));
        return record;
    }

    /** `appName` is the acting client's clientId; the event itself names the client only by its internal id. */
    public static Map<String, Object> of(AdminEvent event, boolean includeRepresentation, String realmName, Actor actor, Origin origin,
            String appName) {
        Activity activity = EventClassifier.of(event.getResourceType(), event.getOperationType());
        boolean failed = event.getError() != null;
        Map<String, Object> record = common(activity, event.getTime(), event.getId(), "admin", failed, event.getError());
        record.put("message", event.getOperationType() + " " + event.getResourceType() + " " + event.getResourcePath());

        AuthDetails auth = event.getAuthDetails();
        record.put("actor", actor(actor, appName, null));
        record.put("src_endpoint", endpoint(origin));
        putIfPresent(record, "http_request", httpRequest(origin));
        Map<String, Object> api = new LinkedHashMap<>();
        api.put("operation", event.getOperationType().name());
        api.put("service", Map.of("name", "keycloak-admin"));
        record.put("api", api);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("type", event.getResourceType().name());
        putIfPresent(resource, "uid", event.getResourcePath());
        record.put("resources", List.of(resource));
        String targetUser = targetUserId(event.getResourcePath());
        if (targetUser != null) {
            record.put("user", Map.of("uid", targetUser, "type_id", 1));
        }

        Map<String, Object> keycloak = new LinkedHashMap<>();
        keycloak.put("resource_type", event.getResourceType().name());
        keycloak.put("operation_type", event.getOperationType().name());
        putIfPresent(keycloak, "resource_path", event.getResourcePath());
        putIfPresent(keycloak, "realm_id", event.getRealmId());
        putIfPresent(keycloak, "realm_name", realmName);
        if (auth != null) {
            putIfPresent(keycloak, "auth_realm_id", auth.getRealmId());
            putIfPresent(keycloak, "auth_client_id", auth.getClientId());
            putIfPresent(keycloak, "auth_user_id", auth.getUserId());
            putIfPresent(keycloak, "ip_address", auth.getIpAddress());
        }
        putIfPresent(keycloak, "error", event.getError());
        if (includeRepresentation) {
            putIfPresent(keycloak, "representation", SecretRedactor.redact(event.getRepresentation()));
        }
        putIfPresent(keycloak, "details", event.getDetails() == null ? null : redactValues(event.getDetails()));
        keycloak.put("roles", actor.roles());
        record.put("unmapped", Map.of("keycloak", keycloak));
        return record;
    }

    /** An alert raised by a rule, as an OCSF Detection Finding: alerts are audit records too. */
    public static Map<String, Object> finding(String id, String rule, String severity, String title, String description, long time,
                                              String realmName, String userId, String username) {
        Map<String, Object> record = common(new Activity(OcsfClass.DETECTION_FINDING, 1, "Create"), time, id, "alert", false, null);
        record.put("severity_id", switch (severity) {
            case "critical" -> 5;
            case "high" -> 4;
            case "medium" -> 3;
            default -> 2;
        });
        record.put("severity", severity);
        record.put("message", title);
        record.put("finding_info", Map.of("uid", id, "title", title, "desc", description, "types", List.of(rule)));
        if (userId != null) {
            Map<String, Object> user = new LinkedHashMap<>();
            user.put("uid", userId);
            putIfPresent(user, "name", username);
            record.put("user", user);
        }
        Map<String, Object> keycloak = new LinkedHashMap<>();
        putIfPresent(keycloak, "realm_name", realmName);
        keycloak.put("rule", rule);
        record.put("unmapped", Map.of("keycloak", keycloak));
        return record;
    }

    /** The ledger opened; a repaired torn tail (never-acknowledged bytes cut at start-up) is stated. */
    public static Map<String, Object> ledgerStarted(long time, String ledgerDir, boolean repaired, String recovery) {
        Map<String, Object> record = common(new Activity(OcsfClass.EVENT_LOG_ACTIVITY, 6, "Start"), time, null, "system", false, null);
        record.put("message", repaired ? "Audit ledger started after truncating a torn, never-acknowledged tail" : "Audit ledger started");
        record.put("log_name", ledgerDir);
        record.put("unmapped", Map.of("ledger", Map.of("repaired", repaired, "recovery", recovery)));
        return record;
    }

    private static Map<String, Object> common(Activity activity, long time, String id, String log, boolean failed, String error) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("class_uid", activity.ocsfClass().uid);
        record.put("class_name", activity.ocsfClass().displayName);
        record.put("category_uid", activity.ocsfClass().categoryUid);
        record.put("category_name", activity.ocsfClass().categoryName);
        record.put("activity_id", activity.id());
        record.put("activity_name", activity.name());
        record.put("type_uid", activity.typeUid());
        record.put("severity_id", failed ? 2 : 1);
        record.put("status_id", failed ? 2 : 1);
        record.put("status", failed ? "Failure" : "Success");
        putIfPresent(record, "status_detail", error);
        record.put("time", time);
        record.put("time_dt", RFC3339.format(Instant.ofEpochMilli(time)));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("version", OCSF_VERSION);
        metadata.put("product", Map.of("name", PRODUCT, "vendor_name", "hipaaiam"));
        putIfPresent(metadata, "uid", id);
        metadata.put("log_name", "keycloak-" + log + "-events");
        metadata.put("profiles", List.of("datetime"));
        record.put("metadata", metadata);
        return record;
    }

    private static Map<String, Object> actor(Actor actor, String clientId, String eventSessionId) {
        Map<String, Object> user = new LinkedHashMap<>();
        putIfPresent(user, "uid", actor.userId());
        putIfPresent(user, "name", actor.username());
        Map<String, Object> result = new LinkedHashMap<>();
        if (!user.isEmpty()) {
            result.put("user", user);
        }
        String sessionId = eventSessionId != null ? eventSessionId : actor.sessionId();
        if (sessionId != null) {
            result.put("session", Map.of("uid", sessionId));
        }
        putIfPresent(result, "app_name", clientId);
        return result;
    }

    private static Map<String, Object> endpoint(Origin origin) {
        Map<String, Object> endpoint = new LinkedHashMap<>();
        putIfPresent(endpoint, "ip", origin.ipAddress());
        return endpoint;
    }

    private static Map<String, Object> httpRequest(Origin origin) {
        return origin.userAgent() == null ? null : Map.of("user_agent", origin.userAgent());
    }

    private static Map<String, Object> device(Origin origin) {
        return origin.workstationId() == null ? null : Map.of("uid", origin.workstationId(), "type_id", 2);
    }

    private static String authProtocol(Map<String, String> details) {
        String method = details == null ? null : details.get("auth_method");
        if (method == null) {
            return null;
        }
        return switch (method) {
            case "openid-connect" -> "OpenID Connect";
            case "saml" -> "SAML";
            default -> method;
        };
    }

    /**
     * Event details with secret-named values removed. Nothing is kept of a username typed for an account that
     * does not exist: people type passwords into the username field, and even a hash of one can be guessed.
     */
    private static Map<String, Object> details(Event event) {
        Map<String, Object> details = redactValues(event.getDetails());
        if (event.getUserId() == null && details.remove("username") != null) {
            details.put("username_unknown", "true");
        }
        return details;
    }

    private static Map<String, Object> redactValues(Map<String, String> source) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (source != null) {
            source.forEach((key, value) -> result.put(key, SecretRedactor.isSecretName(key) ? SecretRedactor.REDACTED : value));
        }
        return result;
    }

    /** `users/{id}` and `users/{id}/role-mappings/...` name the account the admin acted on. */
    static String targetUserId(String resourcePath) {
        if (resourcePath == null || !resourcePath.startsWith("users/")) {
            return null;
        }
        String rest = resourcePath.substring("users/".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
