package org.hipaaiam.logoff.sweep;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * One session the sweeper watches, and when to look at it next (epoch seconds on Keycloak's clock): no
 * earlier than it could end. The session's notes stay the truth; this row only says when to look.
 */
@Entity
@Table(name = "HIPAA_IDLE_SESSION")
@NamedQuery(name = IdleSessionEntity.DUE, query = "select s from IdleSessionEntity s where s.checkAt <= :now order by s.checkAt")
public class IdleSessionEntity {

    static final String DUE = "hipaaIdleSessionsDue";

    @Id
    @Column(name = "SESSION_ID", length = 64)
    private String sessionId;
    @Column(name = "REALM_ID", nullable = false, length = 36)
    private String realmId;
    @Column(name = "CHECK_AT", nullable = false)
    private long checkAt;

    protected IdleSessionEntity() {
    }

    IdleSessionEntity(String sessionId, String realmId, long checkAt) {
        this.sessionId = sessionId;
        this.realmId = realmId;
        this.checkAt = checkAt;
    }

    String sessionId() {
        return sessionId;
    }

    String realmId() {
        return realmId;
    }

    void checkAt(long at) {
        this.checkAt = at;
    }
}
