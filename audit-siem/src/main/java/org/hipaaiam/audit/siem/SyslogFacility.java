package org.hipaaiam.audit.siem;

/** The syslog facilities meant for security and authorization messages (RFC 5424 §6.2.1). */
public enum SyslogFacility {
    AUTH(4),
    AUTHPRIV(10);

    private final int code;

    SyslogFacility(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
