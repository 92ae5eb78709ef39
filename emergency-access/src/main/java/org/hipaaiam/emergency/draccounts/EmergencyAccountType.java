package org.hipaaiam.emergency.draccounts;

import java.util.Set;

/** Accounts kept for emergencies and disaster recovery, flagged by the user attribute `accountType`. */
public final class EmergencyAccountType {

    public static final String ATTRIBUTE = "accountType";
    public static final Set<String> FLAGGED = Set.of("emergency", "disaster-recovery");

    private EmergencyAccountType() {
    }

    public static boolean isFlagged(String accountType) {
        return accountType != null && FLAGGED.contains(accountType.trim());
    }
}
