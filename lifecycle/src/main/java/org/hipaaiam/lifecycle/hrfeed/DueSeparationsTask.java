package org.hipaaiam.lifecycle.hrfeed;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Applies future-dated HR changes whose time has come, in every realm where the bundle's policies apply:
 * separations first (a separation wins over a leave), then leaves of absence that start and leaves that end.
 * Each account's change runs in its own transaction, so one that fails, or whose time on the account cannot be
 * read, stops neither the realm's other accounts nor another realm; an unreadable time is skipped, recorded
 * (`hipaa_event=scheduled-change-invalid`, which alerts) and logged once per node and value. Runs on one node of a
 * cluster at a time ({@link org.hipaaiam.core.server.OneNodeAtATime}), so its queries read what the previous run, on
 * whichever node, committed.
 */
public final class DueSeparationsTask implements ScheduledTask {

    public static final String NAME = "hipaa-due-separations";
    /** Audit detail naming the user attribute that could not be read. */
    static final String DETAIL_ATTRIBUTE = "attribute";
    private static final Logger LOG = Logger.getLogger(DueSeparationsTask.class);
    /** Bad values already reported on this node, by a hash (never the value itself): each is recorded and alerted once. */
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** One kind of scheduled change, in the order they are applied. */
    private enum DueChange {
        SEPARATION(DisableTrigger.HR_FEED_SCHEDULED) {
            @Override
            Stream<UserModel> accounts(KeycloakSession session, RealmModel realm) {
                return SeparationRecords.pending(session, realm);
            }

            @Override
            void applyIfDue(KeycloakSession session, RealmModel realm, UserModel account, Instant now) {
                if (SeparationRecords.isPending(account) && !SeparationRecords.pendingEffectiveAt(account).isAfter(now)) {
                    String eventId = SeparationRecords.pendingEventId(account);
                    AccountSeparation.apply(session, realm, account, eventId, SeparationRecords.pendingEffectiveAt(account), trigger);
                    LOG.infof("Scheduled separation %s applied to user %s in realm %s", eventId, account.getId(), realm.getName());
                }
            }
        },
        LEAVE_START(DisableTrigger.HR_LEAVE_SCHEDULED) {
            @Override
            Stream<UserModel> accounts(KeycloakSession session, RealmModel realm) {
                return LeaveRecords.inState(session, realm, LeaveRecords.SCHEDULED);
            }

            @Override
            void applyIfDue(KeycloakSession session, RealmModel realm, UserModel account, Instant now) {
                if (LeaveRecords.isInState(account, LeaveRecords.SCHEDULED) && !LeaveRecords.startsAt(account).isAfter(now)) {
                    AccountLeave.suspend(session, realm, account, trigger);
                    LOG.infof("Leave %s started for user %s in realm %s", LeaveRecords.eventId(account), account.getId(), realm.getName());
                }
            }
        },
        LEAVE_END(DisableTrigger.HR_LEAVE_SCHEDULED) {
            @Override
            Stream<UserModel> accounts(KeycloakSession session, RealmModel realm) {
                return LeaveRecords.inState(session, realm, LeaveRecords.SUSPENDED);
            }

            @Override
            void applyIfDue(KeycloakSession session, RealmModel realm, UserModel account, Instant now) {
                if (LeaveRecords.isInState(account, LeaveRecords.SUSPENDED) && LeaveRecords.endsAt(account).filter(end -> !end.isAfter(now)).isPresent()) {
                    String eventId = LeaveRecords.eventId(account);
                    AccountLeave.restore(session, realm, account, eventId, trigger);
                    LOG.infof("Leave %s ended for user %s in realm %s", eventId, account.getId(), realm.getName());
                }
            }
        };

        final DisableTrigger trigger;

        DueChange(DisableTrigger trigger) {
            this.trigger = trigger;
        }

        abstract Stream<UserModel> accounts(KeycloakSession session, RealmModel realm);

        /** Applies the change when the account still has it (read again in this transaction) and it is due. */
        abstract void applyIfDue(KeycloakSession session, RealmModel realm, UserModel account, Instant now);
    }

    private final URI serverUrl;

    public DueSeparationsTask(URI serverUrl) {
        this.serverUrl = serverUrl;
    }

    @Override
    public void run(KeycloakSession session) {
        KeycloakSessionFactory sessions = session.getKeycloakSessionFactory();
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        List<String> realmIds = session.realms().getRealmsStream().filter(BundleScope::policiesApply).map(RealmModel::getId).toList();
        for (String realmId : realmIds) {
            for (DueChange change : DueChange.values()) {
                for (String accountId : candidates(sessions, realmId, change)) {
                    applyOne(sessions, realmId, accountId, change, now);
                }
            }
        }
    }

    private List<String> candidates(KeycloakSessionFactory sessions, String realmId, DueChange change) {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(sessions, own -> {
                RealmModel realm = enter(own, realmId);
                return realm == null ? List.<String>of() : change.accounts(own, realm).map(UserModel::getId).toList();
            });
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not list the scheduled changes (%s) of realm %s; the other realms go on", change, realmId);
            return List.of();
        }
    }

    private void applyOne(KeycloakSessionFactory sessions, String realmId, String accountId, DueChange change, Instant now) {
        try {
            KeycloakModelUtils.runJobInTransaction(sessions, own -> {
                RealmModel realm = enter(own, realmId);
                UserModel account = realm == null ? null : own.users().getUserById(realm, accountId);
                if (account != null) {
                    change.applyIfDue(own, realm, account, now);
                }
            });
        } catch (RuntimeException e) {
            UnreadableScheduledChange unreadable = unreadableIn(e);
            if (unreadable != null) {
                report(sessions, realmId, accountId, change, unreadable);
            } else {
                LOG.errorf(e, "Scheduled change (%s) of user %s in realm %s failed; the other accounts go on", change, accountId, realmId);
            }
        }
    }

    /** The unreadable time behind a failed transaction, however the transaction wrapped it. */
    private static UnreadableScheduledChange unreadableIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnreadableScheduledChange unreadable) {
                return unreadable;
            }
        }
        return null;
    }

    private void report(KeycloakSessionFactory sessions, String realmId, String accountId, DueChange change, UnreadableScheduledChange unreadable) {
        String key = realmId + '\n' + accountId + '\n' + unreadable.attribute() + '\n' + Objects.hashCode(unreadable.value());
        if (!REPORTED.add(key)) {
            return;
        }
        LOG.warnf("Realm %s, user %s: %s; the scheduled change was skipped", realmId, accountId, unreadable.getMessage());
        try {
            KeycloakModelUtils.runJobInTransaction(sessions, own -> AuditEvents.event(own, enter(own, realmId), EventType.EXECUTE_ACTIONS_ERROR,
                            HipaaEvents.SCHEDULED_CHANGE_INVALID)
                    .user(accountId)
                    .detail(AuditDetails.SOURCE, change.trigger.label())
                    .detail(DETAIL_ATTRIBUTE, unreadable.attribute())
                    .detail(AuditDetails.REASON, unreadable.getMessage() + "; the change was skipped")
                    .error("invalid_scheduled_change"));
        } catch (RuntimeException e) {
            REPORTED.remove(key);
            LOG.errorf(e, "Could not record the unreadable scheduled change of user %s in realm %s", accountId, realmId);
        }
    }

    /** A session of its own acts for the server in the realm, as the request-less timer thread has no request. */
    private RealmModel enter(KeycloakSession own, String realmId) {
        ServerSideRequest.enter(own.getContext(), serverUrl);
        RealmModel realm = own.realms().getRealm(realmId);
        own.getContext().setRealm(realm);
        return realm;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }
}
