package org.hipaaiam.emergency.review;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.CaseStatus;

/**
 * A case as the review API and the exports show it; the component order is the CSV column order. Empty fields
 * are written as null so every JSON record has the same members.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CaseRecord(
        String id,
        String status,
        String username,
        String userId,
        String sessionId,
        String clientId,
        String workstationId,
        String workstationClass,
        String reasonCode,
        String reasonText,
        String context,
        boolean declaredEmergency,
        long startedAt,
        long expiresAt,
        long dueAt,
        Long remindedAt,
        Long escalatedAt,
        String justification,
        Long justifiedAt,
        String reviewer,
        String decision,
        String reviewNotes,
        Long reviewedAt) {

    public static CaseRecord of(BreakGlassCaseEntity c, long nowSeconds) {
        return new CaseRecord(c.getId(), CaseStatus.of(c, nowSeconds).label(), c.getUsername(), c.getUserId(), c.getSessionId(),
                c.getClientId(), c.getWorkstationId(), c.getWorkstationClass(), c.getReasonCode(), c.getReasonText(), c.getContext(),
                c.isDeclaredEmergency(), c.getStartedAt(), c.getExpiresAt(), c.getDueAt(), c.getRemindedAt(), c.getEscalatedAt(),
                c.getJustification(), c.getJustifiedAt(), c.getReviewer(), c.getDecision(), c.getReviewNotes(), c.getReviewedAt());
    }
}
