package org.hipaaiam.core.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.keycloak.events.EventType;

/**
 * A request the bundle refuses: the HTTP status, the error code and reason of the JSON answer
 * `{"error": code, "reason": text}`, the Keycloak event type it is audited as, and extra audit details.
 * Thrown by domain code too (a domain exception carries no HTTP knowledge; the API maps it to a refusal).
 */
public final class Refusal extends RuntimeException {

    private final int status;
    private final String code;
    private final EventType auditType;
    private final Map<String, String> details;

    public Refusal(int status, String code, String reason, EventType auditType) {
        this(status, code, reason, auditType, Map.of());
    }

    private Refusal(int status, String code, String reason, EventType auditType, Map<String, String> details) {
        super(reason, null, false, false);
        this.status = status;
        this.code = code;
        this.auditType = auditType;
        this.details = details;
    }

    public static Refusal unauthenticated(String reason) {
        return new Refusal(401, "unauthenticated", reason, EventType.CLIENT_LOGIN_ERROR);
    }

    public static Refusal forbidden(String reason) {
        return new Refusal(403, "forbidden", reason, EventType.CLIENT_LOGIN_ERROR);
    }

    public static Refusal invalid(String reason) {
        return new Refusal(400, "invalid_request", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    public static Refusal notFound(String reason) {
        return new Refusal(404, "not_found", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    public static Refusal conflict(String code, String reason) {
        return new Refusal(409, code, reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    public static Refusal tooLarge(String reason) {
        return new Refusal(413, "payload_too_large", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    public static Refusal unsupportedMediaType(String reason) {
        return new Refusal(415, "unsupported_media_type", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    public static Refusal notConfigured(String reason) {
        return new Refusal(503, "not_configured", reason, EventType.EXECUTE_ACTIONS_ERROR);
    }

    /** The same refusal with one more audit detail. */
    public Refusal with(String detail, String value) {
        if (value == null) {
            return this;
        }
        Map<String, String> more = new LinkedHashMap<>(details);
        more.put(detail, value);
        return new Refusal(status, code, getMessage(), auditType, Map.copyOf(more));
    }

    /** The HTTP answer: the status and the JSON body `{"error": code, "reason": text}`. */
    public Response answer() {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(new ErrorAnswer(code, getMessage())).build();
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String reason() {
        return getMessage();
    }

    public EventType auditType() {
        return auditType;
    }

    public Map<String, String> details() {
        return details;
    }
}
