package org.hipaaiam.lifecycle.hrfeed;

import java.net.URI;
import java.time.Instant;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.timer.ScheduledTask;

/**
 * Applies future-dated HR changes whose time has come, in every realm where the bundle's policies apply:
 * separations first (a separation wins over a leave), then leaves of absence that start and leaves that end.
 * Runs on one node of a cluster at a time ({@link org.hipaaiam.core.server.OneNodeAtATime}): its queries read what
 * the previous run, on whichever node, committed.
 */
public final class DueSeparationsTask implements ScheduledTask {

    public static final String NAME = "hipaa-due-separations";
    private static final Logger LOG = Logger.getLogger(DueSeparationsTask.class);

    private final URI serverUrl;

    public DueSeparationsTask(URI serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        ServerSideRequest.enter(session.getContext(), serverUrl);
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        session.realms().getRealmsStream().filter(BundleScope::policiesApply).toList().forEach(realm -> applyDue(session, realm, now));
    }

    private static void applyDue(KeycloakSession session, RealmModel realm, Instant now) {
        session.getContext().setRealm(realm);
        for (UserModel account : SeparationRecords.pending(session, realm).toList()) {
            Instant effectiveAt = SeparationRecords.pendingEffectiveAt(account);
            if (!effectiveAt.isAfter(now)) {
                String eventId = SeparationRecords.pendingEventId(account);
                AccountSeparation.apply(session, realm, account, eventId, effectiveAt, DisableTrigger.HR_FEED_SCHEDULED);
                LOG.infof("Scheduled separation %s applied to user %s in realm %s", eventId, account.getId(), realm.getName());
            }
        }
        for (UserModel account : LeaveRecords.inState(session, realm, LeaveRecords.SCHEDULED).toList()) {
            if (!LeaveRecords.startsAt(account).isAfter(now)) {
                AccountLeave.suspend(session, realm, account, DisableTrigger.HR_LEAVE_SCHEDULED);
                LOG.infof("Leave %s started for user %s in realm %s", LeaveRecords.eventId(account), account.getId(), realm.getName());
            }
        }
        for (UserModel account : LeaveRecords.inState(session, realm, LeaveRecords.SUSPENDED).toList()) {
            if (LeaveRecords.endsAt(account).filter(end -> !end.isAfter(now)).isPresent()) {
                String eventId = LeaveRecords.eventId(account);
                AccountLeave.restore(session, realm, account, eventId, DisableTrigger.HR_LEAVE_SCHEDULED);
                LOG.infof("Leave %s ended for user %s in realm %s", eventId, account.getId(), realm.getName());
            }
        }
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
