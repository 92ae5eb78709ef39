package org.hipaaiam.bench.seed;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.hipaaiam.logoff.policy.SessionClass;
import org.hipaaiam.logoff.session.SessionIdle;
import org.hipaaiam.logoff.sweep.IdleIndex;
import org.hipaaiam.logoff.sweep.IdleSweep;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/** Seeds sessions in batches, runs one sweep, moves the clock: what the sweeper benchmark drives. */
public final class SessionSeedResource {

    private static final int MAX_BATCH = 5_000;

    private final KeycloakSession session;

    SessionSeedResource(KeycloakSession session) {
        this.session = session;
    }

    /**
     * `count` new sessions spread over the realm's users, in this request's transaction; the first `classified` of
     * them at a clinical workstation, last active `idleSeconds` ago and in the sweeper's index (`due`: looked at now,
     * as a row written one policy ago would be).
     */
    @POST
    @Path("seed")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> seed(@QueryParam("count") int count, @QueryParam("classified") int classified,
            @QueryParam("idleSeconds") long idleSeconds, @QueryParam("due") boolean due) {
        if (count < 1 || count > MAX_BATCH || classified < 0 || classified > count || idleSeconds < 0) {
            throw new BadRequestException("count 1-" + MAX_BATCH + ", classified 0-count, idleSeconds >= 0");
        }
        RealmModel realm = session.getContext().getRealm();
        List<UserModel> users = session.users().searchForUserStream(realm, Map.of(UserModel.SEARCH, "*"), 0, 3_000).toList();
        IdleIndex index = new IdleIndex(session);
        long now = Time.currentTime();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            UserModel user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
            UserSessionModel userSession = session.sessions().createUserSession(KeycloakModelUtils.generateId(), realm, user,
                    user.getUsername(), "10.0.0.1", "openid-connect", false, null, null, UserSessionModel.SessionPersistenceState.PERSISTENT);
            if (i < classified) {
                userSession.setNote(SessionIdle.CLASS, SessionClass.workstation("clinical").note());
                userSession.setNote(SessionIdle.ACTIVE_AT, Long.toString(now - idleSeconds));
                long endAt = SessionIdle.of(session, realm, userSession).state(now).endAt();
                index.watch(userSession.getId(), realm.getId(), due ? Math.min(now, endAt) : endAt);
            }
        }
        return Map.of("created", count, "classified", classified, "millis", (System.nanoTime() - start) / 1_000_000);
    }

    /** One sweep in a transaction of its own, as the scheduled task runs it, and how long it took including commit. */
    @POST
    @Path("sweep")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> sweep() {
        IdleSweep sweep = new IdleSweep(session.getContext().getUri().getBaseUri());
        long start = System.nanoTime();
        IdleSweep.Run run = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), sweep::sweep);
        double millis = (System.nanoTime() - start) / 1e6;
        return Map.of("read", run.read(), "ended", run.ended(), "rescheduled", run.rescheduled(), "forgotten", run.forgotten(),
                "millis", millis);
    }

    /** Every row of the sweeper's index due now: as if each classified session's first end had come. */
    @POST
    @Path("due")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> due() {
        int rows = entityManager().createNativeQuery("update HIPAA_IDLE_SESSION set CHECK_AT = ?1").setParameter(1, (long) Time.currentTime())
                .executeUpdate();
        return Map.of("due", rows);
    }

    /** Moves the server's clock to `offsetSeconds` from now (0 puts it back). */
    @POST
    @Path("clock")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> clock(@QueryParam("offsetSeconds") int offsetSeconds) {
        Time.setOffset(offsetSeconds);
        return Map.of("offsetSeconds", offsetSeconds);
    }

    /** The realm's online sessions in the database and the rows of the sweeper's index. */
    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> count() {
        EntityManager em = entityManager();
        Number sessions = (Number) em.createNativeQuery("select count(*) from OFFLINE_USER_SESSION where REALM_ID = ?1 and OFFLINE_FLAG = '0'")
                .setParameter(1, session.getContext().getRealm().getId()).getSingleResult();
        Number indexed = (Number) em.createNativeQuery("select count(*) from HIPAA_IDLE_SESSION").getSingleResult();
        return Map.of("sessions", sessions.longValue(), "indexed", indexed.longValue());
    }

    private EntityManager entityManager() {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }
}
