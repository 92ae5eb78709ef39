package org.hipaaiam.auth.admin;

/** Why the badge admin API refused a request: HTTP status and the error code of the JSON answer. */
final class Refusal extends RuntimeException {

    enum Reason {
        UNAUTHENTICATED(401, "unauthenticated"),
        FORBIDDEN(403, "forbidden"),
        INVALID_REQUEST(400, "invalid_request"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict");

        final int status;
        final String code;

        Reason(int status, String code) {
            this.status = status;
            this.code = code;
        }
    }

    final Reason reason;

    Refusal(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }
}
