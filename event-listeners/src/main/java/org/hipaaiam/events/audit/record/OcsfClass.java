package org.hipaaiam.events.audit.record;

/** The OCSF 1.8.0 event classes audit records use. */
public enum OcsfClass {
    EVENT_LOG_ACTIVITY(1008, "Event Log Activity", 1, "System Activity"),
    DETECTION_FINDING(2004, "Detection Finding", 2, "Findings"),
    ACCOUNT_CHANGE(3001, "Account Change", 3, "Identity & Access Management"),
    AUTHENTICATION(3002, "Authentication", 3, "Identity & Access Management"),
    USER_ACCESS_MANAGEMENT(3005, "User Access Management", 3, "Identity & Access Management"),
    API_ACTIVITY(6003, "API Activity", 6, "Application Activity");

    final int uid;
    final String displayName;
    final int categoryUid;
    final String categoryName;

    OcsfClass(int uid, String displayName, int categoryUid, String categoryName) {
        this.uid = uid;
        this.displayName = displayName;
        this.categoryUid = categoryUid;
        this.categoryName = categoryName;
    }

    public int uid() {
        return uid;
    }
}
