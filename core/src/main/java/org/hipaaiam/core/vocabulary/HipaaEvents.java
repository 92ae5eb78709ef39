package org.hipaaiam.core.vocabulary;

/**
 * Values of the audit detail {@link AuditDetails#HIPAA_EVENT} shared by more than one module. Values that only
 * one capability emits are declared next to it; every value starting `break-glass` alerts the Privacy Office.
 */
public final class HipaaEvents {

    /** Prefix of every emergency-access event: the break-glass alert rule matches on it. */
    public static final String BREAK_GLASS_PREFIX = "break-glass";
    /** A call to one of the bundle's APIs was refused (4xx): audited, not alerted. */
    public static final String API_REFUSED = "api-refused";
    /** A realm attribute held a value the bundle cannot use; the safe value was used instead. Alerted once. */
    public static final String SETTING_INVALID = "setting-invalid";
    /** A scheduled change on an account (a separation's or a leave's time) could not be read and was skipped. Alerted once. */
    public static final String SCHEDULED_CHANGE_INVALID = "scheduled-change-invalid";

    private HipaaEvents() {
    }
}
