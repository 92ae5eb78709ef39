package org.hipaaiam.core.vocabulary;

/**
 * Realm attributes of a declared emergency: written by emergency access, read by badge sign-in (badge + PIN is
 * offered everywhere while an emergency lasts).
 */
public final class DeclaredEmergencyAttributes {

    /** Epoch seconds at which the declared emergency ends; absent or past means none. */
    public static final String UNTIL = "hipaa.emergency.declaredUntil";
    public static final String REASON = "hipaa.emergency.declaredReason";
    public static final String BY = "hipaa.emergency.declaredBy";

    private DeclaredEmergencyAttributes() {
    }

    /** Whether the realm's `UNTIL` value says an emergency is in force at `nowSeconds`. */
    public static boolean activeAt(String until, long nowSeconds) {
        if (until == null || until.isBlank()) {
            return false;
        }
        try {
            return Long.parseLong(until.trim()) > nowSeconds;
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
