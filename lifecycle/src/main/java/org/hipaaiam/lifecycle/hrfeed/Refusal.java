package org.hipaaiam.lifecycle.hrfeed;

import org.keycloak.events.EventType;

/** Why the HR feed refused a request: the HTTP status, the error code in the JSON answer, and how it is audited. */
public final class Refusal extends RuntimeException {

    public enum Reason {
        UNAUTHENTICATED(401, "unauthenticated", EventType.CLIENT_LOGIN_ERROR),
        FORBIDDEN(403, "forbidden", EventType.CLIENT_LOGIN_ERROR),
        NOT_CONFIGURED(503, "not_configured", EventType.EXECUTE_ACTIONS_ERROR),
        INVALID_SIGNATURE(401, "invalid_signature", EventType.INVALID_SIGNATURE_ERROR),
        STALE_TIMESTAMP(401, "stale_timestamp", EventType.INVALID_SIGNATURE_ERROR),
        MALFORMED_REQUEST(400, "malformed_request", EventType.EXECUTE_ACTIONS_ERROR),
        REPLAYED_EVENT(409, "replayed_event", EventType.INVALID_SIGNATURE_ERROR),
        UNKNOWN_EMPLOYEE(404, "unknown_employee", EventType.EXECUTE_ACTIONS_ERROR),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", EventType.EXECUTE_ACTIONS_ERROR),
        CONFIRMATION_REQUIRED(400, "confirmation_required", EventType.EXECUTE_ACTIONS_ERROR),
        TOO_MANY_DISABLES(409, "too_many_disables", EventType.EXECUTE_ACTIONS_ERROR),
        ACCOUNT_SEPARATED(409, "account_separated", EventType.EXECUTE_ACTIONS_ERROR),
        NOT_ON_LEAVE(409, "not_on_leave", EventType.EXECUTE_ACTIONS_ERROR);

        private final int status;
        private final String code;
        private final EventType auditType;

        Reason(int status, String code, EventType auditType) {
            this.status = status;
            this.code = code;
            this.auditType = auditType;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public EventType auditType() {
            return auditType;
        }
    }

    private final Reason reason;

    public Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
