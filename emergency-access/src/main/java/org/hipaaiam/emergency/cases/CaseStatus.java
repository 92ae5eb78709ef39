package org.hipaaiam.emergency.cases;

import java.util.Locale;
import java.util.Optional;

/** Where a case stands, derived from its fields and the clock (never stored, so it cannot drift). */
public enum CaseStatus {
    /** Not yet justified, deadline not reached. */
    OPEN,
    /** Not justified and past its deadline. */
    OVERDUE,
    /** Justified, awaiting Privacy Office review. */
    JUSTIFIED,
    APPROVED,
    REJECTED;

    public static CaseStatus of(BreakGlassCaseEntity entity, long nowSeconds) {
        if (entity.getDecision() != null) {
            return valueOf(entity.getDecision().toUpperCase(Locale.ROOT));
        }
        if (entity.getJustifiedAt() != null) {
            return JUSTIFIED;
        }
        return nowSeconds >= entity.getDueAt() ? OVERDUE : OPEN;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CaseStatus> parse(String label) {
        for (CaseStatus status : values()) {
            if (status.label().equals(label)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
