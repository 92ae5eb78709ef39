package org.hipaaiam.emergency.cases;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The realm's break-glass cases in Keycloak's database, through the request's own transaction. */
public final class BreakGlassCases {

    /** The required action that asks a user to justify their open cases. */
    public static final String JUSTIFY_ACTION = "hipaa-break-glass-justify";

    private final EntityManager em;
    private final String realmId;

    public BreakGlassCases(KeycloakSession session, RealmModel realm) {
        this.em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        this.realmId = realm.getId();
    }

    public void open(BreakGlassCaseEntity entity) {
        entity.setRealmId(realmId);
        em.persist(entity);
    }

    public Optional<BreakGlassCaseEntity> byId(String id) {
        BreakGlassCaseEntity entity = id == null ? null : em.find(BreakGlassCaseEntity.class, id);
        return entity != null && realmId.equals(entity.getRealmId()) ? Optional.of(entity) : Optional.empty();
    }

    /** The user's cases that still wait for a justification, oldest first. */
    public List<BreakGlassCaseEntity> unjustifiedOf(String userId) {
        return em.createQuery("select c from BreakGlassCaseEntity c where c.realmId = :realm and c.userId = :user"
                        + " and c.justifiedAt is null and c.decision is null order by c.startedAt", BreakGlassCaseEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    /** The user's justified cases that wait for review, newest first. */
    public List<BreakGlassCaseEntity> awaitingReviewOf(String userId) {
        return em.createQuery("select c from BreakGlassCaseEntity c where c.realmId = :realm and c.userId = :user"
                        + " and c.justifiedAt is not null and c.decision is null order by c.startedAt desc", BreakGlassCaseEntity.class)
                .setParameter("realm", realmId).setParameter("user", userId).getResultList();
    }

    /** Overdue cases of the user that nobody has reviewed yet: they keep a block-break-glass sanction in force. */
    public boolean hasUnreviewedEscalation(String userId) {
        return !em.createQuery("select c.id from BreakGlassCaseEntity c where c.realmId = :realm and c.userId = :user"
                        + " and c.escalatedAt is not null and c.decision is null", String.class)
                .setParameter("realm", realmId).setParameter("user", userId).setMaxResults(1).getResultList().isEmpty();
    }

    /** Every case still waiting for a justification: the deadline task's work list. */
    public List<BreakGlassCaseEntity> unjustified() {
        return em.createQuery("select c from BreakGlassCaseEntity c where c.realmId = :realm and c.justifiedAt is null"
                        + " and c.decision is null and (c.remindedAt is null or c.escalatedAt is null)", BreakGlassCaseEntity.class)
                .setParameter("realm", realmId).getResultList();
    }

    /** Cases that started in [from, to), oldest first. */
    public List<BreakGlassCaseEntity> startedBetween(long from, long to) {
        return em.createQuery("select c from BreakGlassCaseEntity c where c.realmId = :realm and c.startedAt >= :from"
                        + " and c.startedAt < :to order by c.startedAt", BreakGlassCaseEntity.class)
                .setParameter("realm", realmId).setParameter("from", from).setParameter("to", to).getResultList();
    }

    /** A removed realm takes its cases with it; the audit ledger keeps the record of every elevation. */
    public static void deleteRealm(KeycloakSession session, String realmId) {
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("delete from BreakGlassCaseEntity c where c.realmId = :realm")
                .setParameter("realm", realmId).executeUpdate();
    }

    public List<BreakGlassCaseEntity> all() {
        return startedBetween(Long.MIN_VALUE, Long.MAX_VALUE);
    }
}
