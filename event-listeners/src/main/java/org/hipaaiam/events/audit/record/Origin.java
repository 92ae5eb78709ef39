package org.hipaaiam.events.audit.record;

/** Where the request came from: client IP, browser user agent, and the registered workstation when known. */
public record Origin(String ipAddress, String userAgent, String workstationId) {

    public static final Origin UNKNOWN = new Origin(null, null, null);
}
