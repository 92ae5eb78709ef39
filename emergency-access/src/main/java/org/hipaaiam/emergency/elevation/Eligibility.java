package org.hipaaiam.emergency.elevation;

import java.util.Optional;

/**
 * Who may break the glass. Outside a declared emergency, "prior approval" is holding the eligible role
 * (`clinician` by default), granted ahead of time by IAM. During a declared emergency any enabled workforce
 * account may elevate. An account sanctioned for an overdue justification may not, emergency or not.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** The reason elevation is refused, or empty when it is allowed. */
    public static Optional<String> refusal(boolean holdsEligibleRole, boolean workforceAccount, boolean emergencyDeclared,
            boolean blockedUntilReview) {
        if (blockedUntilReview) {
            return Optional.of("break-glass is blocked until the Privacy Office reviews an overdue justification");
        }
        if (holdsEligibleRole) {
            return Optional.empty();
        }
        if (emergencyDeclared && workforceAccount) {
            return Optional.empty();
        }
        return Optional.of(emergencyDeclared ? "only workforce accounts may break the glass"
                : "the account lacks the role that permits break-glass outside a declared emergency");
    }
}
