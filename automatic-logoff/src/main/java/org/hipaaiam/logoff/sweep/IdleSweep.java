package org.hipaaiam.logoff.sweep;

import java.net.URI;
import java.util.List;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Ends sessions idle past their terminate time that nobody used again, with back-channel logout to
 * every app and one `automatic-logoff` record each. Reads only the index rows due now (not every session of the
 * realm); a row whose session is still within its policy (activity since) is put back at its new end. Each session
 * is ended in a transaction of its own: one session's failure ends no other's, and a batch's ends do not pile up in
 * one persistence context (each audit record's user lookup flushes it, so one sweep's cost grew with the square of
 * its ends). Runs on one node of a cluster at a time.
 */
public final class IdleSweep implements ScheduledTask {

    public static final String NAME = "hipaa-idle-sweep";
    /** Rows handled per run; the rest wait for the next run. */
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(IdleSweep.class);

    /** What became of one due row. */
    enum Outcome { ENDED, PUT_BACK, FORGOTTEN, TO_END, FAILED }

    /** What one sweep did: index rows read, sessions ended, rows put back at a later end, rows of gone sessions dropped. */
    public record Run(int read, int ended, int rescheduled, int forgotten) {
    }

    private final URI serverUrl;

    public IdleSweep(URI serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        Run run = sweep(session);
        if (run.ended() > 0) {
            LOG.infof("Ended %d sessions idle past their policy", run.ended());
        }
    }

    /** One sweep: the due rows read and put back in `session`'s transaction, each end in a transaction of its own. */
    public Run sweep(KeycloakSession session) {
        ServerSideRequest.enter(session.getContext(), serverUrl);
        IdleIndex index = new IdleIndex(session);
        long now = Time.currentTime();
        List<IdleSessionEntity> due = index.due(now, BATCH);
        int[] counts = new int[Outcome.values().length];
        for (IdleSessionEntity row : due) {
            Outcome outcome = settle(session, index, row, now, false);
            if (outcome == Outcome.TO_END) {
                String sessionId = row.sessionId();
                outcome = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> endSafely(own, sessionId, now));
            }
            counts[outcome.ordinal()]++;
        }
        return new Run(due.size(), counts[Outcome.ENDED.ordinal()], counts[Outcome.PUT_BACK.ordinal()], counts[Outcome.FORGOTTEN.ordinal()]);
    }

    private Outcome endSafely(KeycloakSession session, String sessionId, long now) {
        ServerSideRequest.enter(session.getContext(), serverUrl);
        IdleIndex index = new IdleIndex(session);
        try {
            IdleSessionEntity row = index.row(sessionId);
            return row == null ? Outcome.FORGOTTEN : settle(session, index, row, now, true);
        } catch (RuntimeException e) {
            // the row stays due; the next sweep tries again
            LOG.warnf(e, "Could not end idle session %s", sessionId);
            session.getTransactionManager().setRollbackOnly();
            return Outcome.FAILED;
        }
    }

    /** Forgets a gone session's row, puts an active one's back at its end; ends an ended one when `mayEnd`. */
    private static Outcome settle(KeycloakSession session, IdleIndex index, IdleSessionEntity row, long now, boolean mayEnd) {
        RealmModel realm = session.realms().getRealm(row.realmId());
        if (realm != null) {
            session.getContext().setRealm(realm);
        }
        UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, row.sessionId());
        if (userSession == null || !BundleScope.policiesApply(realm)) {
            index.forget(row);
            return Outcome.FORGOTTEN;
        }
        SessionIdle idle = SessionIdle.of(session, realm, userSession);
        IdleState state = idle.state(now);
        if (state.status() != IdleState.Status.ENDED) {
            row.checkAt(state.endAt());
            return Outcome.PUT_BACK;
        }
        if (!mayEnd) {
            return Outcome.TO_END;
        }
        IdleOutcomes.end(session, realm, idle, state, IdleOutcomes.Trigger.IDLE);
        index.forget(row);
        return Outcome.ENDED;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
