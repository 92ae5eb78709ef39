package org.hipaaiam.lifecycle.hrfeed;

import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.hipaaiam.core.account.DisabledByLeave;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Leave of absence kept on the account (user attributes, shared by every node, surviving restarts):
 * `scheduled` until it starts, then `suspended` until it ends or HR reports the return; while suspended,
 * {@link DisabledByLeave} tells whether the leave disabled the account.
 */
public final class LeaveRecords {

    public static final String STATE = "hipaa.leave.state";
    public static final String EVENT_ID = "hipaa.leave.eventId";
    public static final String STARTS_AT = "hipaa.leave.startsAt";
    public static final String ENDS_AT = "hipaa.leave.endsAt";
    static final String SCHEDULED = "scheduled";
    static final String SUSPENDED = "suspended";

    private LeaveRecords() {
    }

    static void record(UserModel account, LeaveNotice notice, String state) {
        account.setSingleAttribute(STATE, state);
        account.setSingleAttribute(EVENT_ID, notice.eventId());
        account.setSingleAttribute(STARTS_AT, notice.startsAt().toString());
        notice.endsAt().ifPresentOrElse(end -> account.setSingleAttribute(ENDS_AT, end.toString()), () -> account.removeAttribute(ENDS_AT));
    }

    static void markSuspended(UserModel account) {
        account.setSingleAttribute(STATE, SUSPENDED);
    }

    static boolean isOnLeave(UserModel account) {
        return account.getFirstAttribute(STATE) != null;
    }

    static String eventId(UserModel account) {
        return account.getFirstAttribute(EVENT_ID);
    }

    static Instant startsAt(UserModel account) {
        return UnreadableScheduledChange.instant(account, STARTS_AT);
    }

    static Optional<Instant> endsAt(UserModel account) {
        return account.getFirstAttribute(ENDS_AT) == null ? Optional.empty() : Optional.of(UnreadableScheduledChange.instant(account, ENDS_AT));
    }

    static boolean isInState(UserModel account, String state) {
        return state.equals(account.getFirstAttribute(STATE));
    }

    static Stream<UserModel> inState(KeycloakSession session, RealmModel realm, String state) {
        return session.users().searchForUserByUserAttributeStream(realm, STATE, state);
    }

    static void clear(UserModel account) {
        DisabledByLeave.forget(account);
        account.removeAttribute(STATE);
        account.removeAttribute(EVENT_ID);
        account.removeAttribute(STARTS_AT);
        account.removeAttribute(ENDS_AT);
    }
}
