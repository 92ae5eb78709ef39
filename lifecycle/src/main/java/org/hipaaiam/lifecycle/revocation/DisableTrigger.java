package org.hipaaiam.lifecycle.revocation;

/** How an account came to be disabled or removed; recorded with every revocation. */
public enum DisableTrigger {
    ADMIN_API("admin-api"),
    SCIM("scim"),
    HR_FEED("hr-feed"),
    HR_FEED_SCHEDULED("hr-feed-scheduled"),
    PERMANENT_LOCKOUT("permanent-lockout"),
    ACCOUNT_DELETED("account-deleted"),
    WORKFLOW("workflow"),
    DISABLED_ACCOUNT_SWEEP("disabled-account-sweep"),
    HR_LEAVE("hr-leave"),
    HR_LEAVE_SCHEDULED("hr-leave-scheduled"),
    ROSTER("roster-reconciliation"),
    DORMANT("dormant-account");

    private final String label;

    DisableTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static boolean isLabel(String value) {
        for (DisableTrigger trigger : values()) {
            if (trigger.label.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
