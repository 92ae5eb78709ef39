package org.hipaaiam.logoff.sweep;

import jakarta.persistence.EntityManager;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * The sessions the sweeper watches: every session signed in under the idle policies (a workstation class, a client
 * policy, or the unclassified default), from its sign-in until it ends.
 */
public final class IdleIndex {

    private final EntityManager em;

    public IdleIndex(KeycloakSession session) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    /** Watches the session from now on; looked at no earlier than `checkAt`. */
    public void watch(String sessionId, String realmId, long checkAt) {
        IdleSessionEntity row = em.find(IdleSessionEntity.class, sessionId);
        if (row == null) {
            em.persist(new IdleSessionEntity(sessionId, realmId, checkAt));
        } else {
            row.checkAt(checkAt);
        }
    }

    /** The rows due at `now`, oldest first, at most `limit`. */
    List<IdleSessionEntity> due(long now, int limit) {
        return em.createNamedQuery(IdleSessionEntity.DUE, IdleSessionEntity.class).setParameter("now", now).setMaxResults(limit).getResultList();
    }

    IdleSessionEntity row(String sessionId) {
        return em.find(IdleSessionEntity.class, sessionId);
    }

    void forget(IdleSessionEntity row) {
        em.remove(row);
    }
}
