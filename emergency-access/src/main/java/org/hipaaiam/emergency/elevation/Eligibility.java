package org.hipaaiam.emergency.elevation;

import java.util.Optional;
import org.hipaaiam.core.account.AccountKind;

/**
 * Who may break the glass, from the facts of one sign-in. Only in realms that enable the bundle's policies.
 * Outside a declared emergency, "prior approval" is holding the eligible role (`clinician` by default), granted
 * ahead of time by IAM. During a declared emergency any person's account (workforce or privileged) may elevate;
 * applications' and emergency-reserve accounts may not. An account sanctioned for an overdue justification may
 * not, emergency or not. And the authentication must be fresh.
 */
record Eligibility(boolean policiesEnabled, boolean holdsEligibleRole, AccountKind accountKind, boolean emergencyDeclared,
        boolean blockedUntilReview, boolean freshAuthentication) {

    /** The reason elevation is refused, or empty when it is allowed. */
    Optional<String> refusal() {
        if (!policiesEnabled) {
            return Optional.of("break-glass is not enabled in this realm");
        }
        if (blockedUntilReview) {
            return Optional.of("break-glass is blocked until the Privacy Office reviews an overdue justification");
        }
        if (!holdsEligibleRole && !(emergencyDeclared && accountKind.isPerson())) {
            return Optional.of(emergencyDeclared ? "only workforce accounts may break the glass"
                    : "the account lacks the role that permits break-glass outside a declared emergency");
        }
        return freshAuthentication ? Optional.empty() : Optional.of("the last authentication is not fresh enough for break-glass");
    }

    /**
     * Fresh when this very sign-in ran the realm's sign-in forms, or the SSO session's last authentication
     * (`authTime`, epoch seconds) is at most `maxAgeSeconds` old.
     */
    static boolean isFresh(boolean continuesSsoSession, String authTime, long nowSeconds, long maxAgeSeconds) {
        if (!continuesSsoSession) {
            return true;
        }
        if (authTime == null) {
            return false;
        }
        try {
            return nowSeconds - Long.parseLong(authTime.trim()) <= maxAgeSeconds;
        } catch (NumberFormatException notATime) {
            return false;
        }
    }
}
