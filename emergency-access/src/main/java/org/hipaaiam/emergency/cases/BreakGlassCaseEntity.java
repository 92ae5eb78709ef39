package org.hipaaiam.emergency.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One break-glass elevation and its justification and review. Times are epoch seconds on Keycloak's clock. */
@Entity
@Table(name = "HIPAA_BREAK_GLASS_CASE")
public class BreakGlassCaseEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;
    @Column(name = "REALM_ID", nullable = false, length = 36)
    private String realmId;
    @Column(name = "USER_ID", nullable = false, length = 36)
    private String userId;
    @Column(name = "USERNAME", nullable = false)
    private String username;
    @Column(name = "SESSION_ID", length = 64)
    private String sessionId;
    @Column(name = "CLIENT_ID")
    private String clientId;
    @Column(name = "WORKSTATION_ID")
    private String workstationId;
    @Column(name = "WORKSTATION_CLASS")
    private String workstationClass;
    @Column(name = "REASON_CODE", nullable = false, length = 32)
    private String reasonCode;
    @Column(name = "REASON_TEXT", nullable = false, length = 4000)
    private String reasonText;
    @Column(name = "CONTEXT", length = 512)
    private String context;
    @Column(name = "DECLARED_EMERGENCY", nullable = false)
    private boolean declaredEmergency;
    @Column(name = "STARTED_AT", nullable = false)
    private long startedAt;
    @Column(name = "EXPIRES_AT", nullable = false)
    private long expiresAt;
    @Column(name = "DUE_AT", nullable = false)
    private long dueAt;
    @Column(name = "REMINDED_AT")
    private Long remindedAt;
    @Column(name = "ESCALATED_AT")
    private Long escalatedAt;
    @Column(name = "JUSTIFICATION", length = 4000)
    private String justification;
    @Column(name = "JUSTIFIED_AT")
    private Long justifiedAt;
    @Column(name = "REVIEWER")
    private String reviewer;
    @Column(name = "DECISION", length = 16)
    private String decision;
    @Column(name = "REVIEW_NOTES", length = 4000)
    private String reviewNotes;
    @Column(name = "REVIEWED_AT")
    private Long reviewedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getSessionId() { return sessionId; }
    public void setSessionId(String sessionId) { this.sessionId = sessionId; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getWorkstationId() { return workstationId; }
    public void setWorkstationId(String workstationId) { this.workstationId = workstationId; }
    public String getWorkstationClass() { return workstationClass; }
    public void setWorkstationClass(String workstationClass) { this.workstationClass = workstationClass; }
    public String getReasonCode() { return reasonCode; }
    public void setReasonCode(String reasonCode) { this.reasonCode = reasonCode; }
    public String getReasonText() { return reasonText; }
    public void setReasonText(String reasonText) { this.reasonText = reasonText; }
    public String getContext() { return context; }
    public void setContext(String context) { this.context = context; }
    public boolean isDeclaredEmergency() { return declaredEmergency; }
    public void setDeclaredEmergency(boolean declaredEmergency) { this.declaredEmergency = declaredEmergency; }
    public long getStartedAt() { return startedAt; }
    public void setStartedAt(long startedAt) { this.startedAt = startedAt; }
    public long getExpiresAt() { return expiresAt; }
    public void setExpiresAt(long expiresAt) { this.expiresAt = expiresAt; }
    public long getDueAt() { return dueAt; }
    public void setDueAt(long dueAt) { this.dueAt = dueAt; }
    public Long getRemindedAt() { return remindedAt; }
    public void setRemindedAt(Long remindedAt) { this.remindedAt = remindedAt; }
    public Long getEscalatedAt() { return escalatedAt; }
    public void setEscalatedAt(Long escalatedAt) { this.escalatedAt = escalatedAt; }
    public String getJustification() { return justification; }
    public void setJustification(String justification) { this.justification = justification; }
    public Long getJustifiedAt() { return justifiedAt; }
    public void setJustifiedAt(Long justifiedAt) { this.justifiedAt = justifiedAt; }
    public String getReviewer() { return reviewer; }
    public void setReviewer(String reviewer) { this.reviewer = reviewer; }
    public String getDecision() { return decision; }
    public void setDecision(String decision) { this.decision = decision; }
    public String getReviewNotes() { return reviewNotes; }
    public void setReviewNotes(String reviewNotes) { this.reviewNotes = reviewNotes; }
    public Long getReviewedAt() { return reviewedAt; }
    public void setReviewedAt(Long reviewedAt) { this.reviewedAt = reviewedAt; }
}
