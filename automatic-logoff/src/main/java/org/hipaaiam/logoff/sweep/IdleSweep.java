package org.hipaaiam.logoff.sweep;

import java.net.URI;
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
import org.keycloak.timer.ScheduledTask;

/**
 * Ends classified sessions idle past their terminate time that nobody used again, with back-channel logout to
 * every app and one `automatic-logoff` record each. Reads only the index rows due now (not every session of the
 * realm); a row whose session is still within its policy (activity since) is put back at its new end. Runs on one
 * node of a cluster at a time.
 */
public final class IdleSweep implements ScheduledTask {

    public static final String NAME = "hipaa-idle-sweep";
    /** Rows handled per run; the rest wait for the next run. */
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(IdleSweep.class);

    private final URI serverUrl;

    IdleSweep(URI serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        ServerSideRequest.enter(session.getContext(), serverUrl);
        IdleIndex index = new IdleIndex(session);
        long now = Time.currentTime();
        int ended = 0;
        for (IdleSessionEntity row : index.due(now, BATCH)) {
            RealmModel realm = session.realms().getRealm(row.realmId());
            if (realm != null) {
                session.getContext().setRealm(realm);
            }
            UserSessionModel userSession = realm == null ? null : session.sessions().getUserSession(realm, row.sessionId());
            if (userSession == null || !BundleScope.policiesApply(realm)) {
                index.forget(row);
                continue;
            }
            SessionIdle idle = SessionIdle.of(session, realm, userSession);
            IdleState state = idle.state(now);
            if (state.status() == IdleState.Status.ENDED) {
                IdleOutcomes.end(session, realm, idle, state, IdleOutcomes.Trigger.IDLE);
                index.forget(row);
                ended++;
            } else {
                row.checkAt(state.endAt());
            }
        }
        if (ended > 0) {
            LOG.infof("Ended %d sessions idle past their policy", ended);
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
