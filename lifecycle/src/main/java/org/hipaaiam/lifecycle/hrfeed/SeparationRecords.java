package org.hipaaiam.lifecycle.hrfeed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hipaaiam.lifecycle.identity.WorkforceIdentifiers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Separation state kept on the accounts themselves (user attributes, so it lives in Keycloak's database,
 * survives restarts and is shared by every node): the HR event ids already applied to an account, and a
 * pending separation with its effective time.
 */
public final class SeparationRecords {

    /** Every HR event id applied to or scheduled on this account: the idempotency record. */
    public static final String EVENT_IDS = "hipaa.hrFeed.eventId";
    public static final String PENDING = "hipaa.separation.pending";
    public static final String PENDING_EVENT_ID = "hipaa.separation.eventId";
    public static final String PENDING_EFFECTIVE_AT = "hipaa.separation.effectiveAt";
    /** Evidence of each completed separation: when access was due to end and when it did. */
    public static final String COMPLETED = "hipaa.separation.completed";
    public static final String DUE_AT = "hipaa.separation.dueAt";
    public static final String ENDED_AT = "hipaa.separation.endedAt";

    private SeparationRecords() {
    }

    /** Every account of the employee: the workforce account and any separate `adm-` account share the number. */
    public static List<UserModel> accountsOf(KeycloakSession session, RealmModel realm, String employeeNumber) {
        return session.users().searchForUserByUserAttributeStream(realm, WorkforceIdentifiers.EMPLOYEE_NUMBER, employeeNumber).toList();
    }

    public static boolean alreadyReceived(KeycloakSession session, RealmModel realm, String eventId) {
        return session.users().searchForUserByUserAttributeStream(realm, EVENT_IDS, eventId).findAny().isPresent();
    }

    public static void recordEvent(UserModel account, String eventId) {
        List<String> ids = new ArrayList<>(account.getAttributeStream(EVENT_IDS).toList());
        if (!ids.contains(eventId)) {
            ids.add(eventId);
            account.setAttribute(EVENT_IDS, ids);
        }
    }

    public static void schedule(UserModel account, SeparationNotice notice) {
        recordEvent(account, notice.eventId());
        account.setSingleAttribute(PENDING, "true");
        account.setSingleAttribute(PENDING_EVENT_ID, notice.eventId());
        account.setSingleAttribute(PENDING_EFFECTIVE_AT, notice.effectiveAt().toString());
    }

    public static Stream<UserModel> pending(KeycloakSession session, RealmModel realm) {
        return session.users().searchForUserByUserAttributeStream(realm, PENDING, "true");
    }

    static Instant pendingEffectiveAt(UserModel account) {
        return UnreadableScheduledChange.instant(account, PENDING_EFFECTIVE_AT);
    }

    static boolean isPending(UserModel account) {
        return "true".equals(account.getFirstAttribute(PENDING));
    }

    public static String pendingEventId(UserModel account) {
        return account.getFirstAttribute(PENDING_EVENT_ID);
    }

    public static void recordCompletion(UserModel account, Instant dueAt, Instant endedAt) {
        account.setSingleAttribute(COMPLETED, "true");
        account.setSingleAttribute(DUE_AT, dueAt.toString());
        account.setSingleAttribute(ENDED_AT, endedAt.toString());
    }

    /**
     * Seconds from due to ended (never negative) of every completed separation in the realm whose two times can be
     * read, and how many could not: an administrator may edit these attributes by hand, and a mistake there is
     * reported, never turned into a latency.
     */
    public record Latencies(List<Long> seconds, int unreadable) {
    }

    public static Latencies latencies(KeycloakSession session, RealmModel realm) {
        List<Long> seconds = new ArrayList<>();
        int unreadable = 0;
        for (UserModel account : session.users().searchForUserByUserAttributeStream(realm, COMPLETED, "true").toList()) {
            try {
                Instant due = UnreadableScheduledChange.instant(account, DUE_AT);
                seconds.add(Math.max(0, Duration.between(due, UnreadableScheduledChange.instant(account, ENDED_AT)).toSeconds()));
            } catch (UnreadableScheduledChange notATime) {
                unreadable++;
            }
        }
        return new Latencies(List.copyOf(seconds), unreadable);
    }

    public static boolean isSeparated(UserModel account) {
        return "true".equals(account.getFirstAttribute(COMPLETED));
    }

    public static void clearPending(UserModel account) {
        account.removeAttribute(PENDING);
        account.removeAttribute(PENDING_EVENT_ID);
        account.removeAttribute(PENDING_EFFECTIVE_AT);
    }
}
