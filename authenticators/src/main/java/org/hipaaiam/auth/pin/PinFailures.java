package org.hipaaiam.auth.pin;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.util.List;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.jpa.entities.UserAttributeEntity;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * A user's PIN failure count (user attribute {@value PinCredential#FAILURES}), read and written in the database
 * under a lock on the user's row that lasts until the transaction ends: parallel attempts on one badge wait for
 * each other, so each counts on top of the one before and none gets a guess for free. The count is read from the
 * table, never from a cache; after a write the user's cache entry is dropped. A user Keycloak does not store
 * (federated without import) has no row to lock: its count goes through the user model.
 */
final class PinFailures {

    private static final String READ = "select a.value from UserAttributeEntity a where a.user.id = :user and a.name = :name";
    private static final String UPDATE = "update UserAttributeEntity a set a.value = :value where a.user.id = :user and a.name = :name";
    private static final String DELETE = "delete from UserAttributeEntity a where a.user.id = :user and a.name = :name";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;
    /** Null when the user has no row of Keycloak's own. */
    private final EntityManager em;

    private PinFailures(KeycloakSession session, RealmModel realm, UserModel user, EntityManager em) {
        this.session = session;
        this.realm = realm;
        this.user = user;
        this.em = em;
    }

    /** Locks the user's row (waiting for another attempt in progress) and gives the count as committed. */
    static PinFailures lock(KeycloakSession session, RealmModel realm, UserModel user) {
        EntityManager em = session.getProvider(JpaConnectionProvider.class).getEntityManager();
        UserEntity row = em.find(UserEntity.class, user.getId(), LockModeType.PESSIMISTIC_WRITE);
        return new PinFailures(session, realm, user, row == null ? null : em);
    }

    int count() {
        if (em == null) {
            return PinCredential.failuresOf(user);
        }
        List<String> values = em.createQuery(READ, String.class).setParameter("user", user.getId())
                .setParameter("name", PinCredential.FAILURES).getResultList();
        return PinCredential.failures(values.isEmpty() ? null : values.get(0));
    }

    /** Stores what the attempt left, if it changed anything. */
    void record(PinAttempt attempt) {
        if (!attempt.changesCount()) {
            return;
        }
        if (em == null) {
            if (attempt.failuresAfter() == 0) {
                user.removeAttribute(PinCredential.FAILURES);
            } else {
                user.setSingleAttribute(PinCredential.FAILURES, Integer.toString(attempt.failuresAfter()));
            }
            return;
        }
        if (attempt.failuresAfter() == 0) {
            em.createQuery(DELETE).setParameter("user", user.getId()).setParameter("name", PinCredential.FAILURES).executeUpdate();
        } else if (em.createQuery(UPDATE).setParameter("value", Integer.toString(attempt.failuresAfter())).setParameter("user", user.getId())
                .setParameter("name", PinCredential.FAILURES).executeUpdate() == 0) {
            UserAttributeEntity failures = new UserAttributeEntity();
            failures.setId(KeycloakModelUtils.generateId());
            failures.setUser(em.getReference(UserEntity.class, user.getId()));
            failures.setName(PinCredential.FAILURES);
            failures.setValue(Integer.toString(attempt.failuresAfter()));
            em.persist(failures);
        }
        UserCache cache = session.getProvider(UserCache.class);
        if (cache != null) {
            cache.evict(realm, user);
        }
    }
}
