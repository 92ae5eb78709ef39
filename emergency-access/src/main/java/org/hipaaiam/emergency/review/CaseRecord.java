package org.hipaaiam.emergency.review;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hipaaiam.emergency.cases.BreakGlassCaseEntity;
import org.hipaaiam.emergency.cases.CaseStatus;

/** A case as the review API and the exports show it: one field order for JSON and CSV. */
public final class CaseRecord {

    public static final List<String> FIELDS = List.of("id", "status", "username", "userId", "sessionId", "clientId",
            "workstationId", "workstationClass", "reasonCode", "reasonText", "context", "declaredEmergency", "startedAt",
            "expiresAt", "dueAt", "remindedAt", "escalatedAt", "justification", "justifiedAt", "reviewer", "decision",
            "reviewNotes", "reviewedAt");

    private CaseRecord() {
    }

    public static Map<String, Object> of(BreakGlassCaseEntity c, long nowSeconds) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("id", c.getId());
        record.put("status", CaseStatus.of(c, nowSeconds).label());
        record.put("username", c.getUsername());
        record.put("userId", c.getUserId());
        record.put("sessionId", c.getSessionId());
        record.put("clientId", c.getClientId());
        record.put("workstationId", c.getWorkstationId());
        record.put("workstationClass", c.getWorkstationClass());
        record.put("reasonCode", c.getReasonCode());
        record.put("reasonText", c.getReasonText());
        record.put("context", c.getContext());
        record.put("declaredEmergency", c.isDeclaredEmergency());
        record.put("startedAt", c.getStartedAt());
        record.put("expiresAt", c.getExpiresAt());
        record.put("dueAt", c.getDueAt());
        record.put("remindedAt", c.getRemindedAt());
        record.put("escalatedAt", c.getEscalatedAt());
        record.put("justification", c.getJustification());
        record.put("justifiedAt", c.getJustifiedAt());
        record.put("reviewer", c.getReviewer());
        record.put("decision", c.getDecision());
        record.put("reviewNotes", c.getReviewNotes());
        record.put("reviewedAt", c.getReviewedAt());
        return record;
    }
}
