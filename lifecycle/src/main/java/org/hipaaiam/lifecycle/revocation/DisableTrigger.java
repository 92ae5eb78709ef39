package org.hipaaiam.lifecycle.revocation;

/** How an account came to be disabled or removed; recorded with every revocation. */
public enum DisableTrigger {
    ADMIN_API("admin-api"),
    SCIM("scim"),
    HR_FEED("hr-feed"),
    HR_FEED_SCHEDULED("hr-feed-scheduled"),
    PERMANENT_LOCKOUT("permanent-lockout"),
    ACCOUNT_DELETED("account-deleted");

    private final String label;

    DisableTrigger(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
