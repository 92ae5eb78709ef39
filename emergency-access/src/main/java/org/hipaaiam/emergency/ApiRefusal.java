package org.hipaaiam.emergency;

/** A refused API request: HTTP status, error code and reason for the JSON answer and the audit record. */
public final class ApiRefusal extends RuntimeException {

    private final int status;
    private final String code;

    public ApiRefusal(int status, String code, String reason) {
        super(reason, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ApiRefusal badRequest(String reason) {
        return new ApiRefusal(400, "invalid_request", reason);
    }

    public static ApiRefusal notFound(String reason) {
        return new ApiRefusal(404, "not_found", reason);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
