package org.hipaaiam.lifecycle.hrfeed;

import java.util.Map;
import org.hipaaiam.core.account.DisabledByLeave;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A leave of absence taking effect on one account: suspension disables it and ends every session like a
 * separation; the return enables it again only if the leave itself disabled it ({@link DisabledByLeave}): an
 * account disabled for another reason before or during the leave (roster, dormant clean-up, an admin's lock, a
 * break-glass sanction) stays disabled, and a separation during the leave clears the leave altogether.
 */
final class AccountLeave {

    static final String LEAVE_STARTED = "leave-started";
    static final String LEAVE_ENDED = "leave-ended";

    private AccountLeave() {
    }

    static Revocation suspend(KeycloakSession session, RealmModel realm, UserModel account, DisableTrigger trigger) {
        DisabledByLeave.disable(account);
        LeaveRecords.markSuspended(account);
        return SessionRevoker.revoke(session, realm, account, trigger,
                Map.of(HrEvents.DETAIL_EVENT_ID, LeaveRecords.eventId(account), AuditDetails.HIPAA_EVENT, LEAVE_STARTED));
    }

    /**
     * Recorded as `UPDATE_PROFILE` (Keycloak has no event type for enabling an account) with `hipaa_event=leave-ended`
     * and `enabled` telling whether the account was enabled again.
     */
    static void restore(KeycloakSession session, RealmModel realm, UserModel account, String eventId, DisableTrigger trigger) {
        boolean enable = DisabledByLeave.isLeavesOwn(account);
        if (enable) {
            account.setEnabled(true);
        }
        LeaveRecords.clear(account);
        EventBuilder ended = AuditEvents.event(session, realm, EventType.UPDATE_PROFILE, LEAVE_ENDED)
                .user(account)
                .detail(HrEvents.DETAIL_EVENT_ID, eventId)
                .detail(AuditDetails.SOURCE, trigger.label())
                .detail("enabled", Boolean.toString(enable));
        if (!enable) {
            ended.detail(AuditDetails.REASON, "disabled for another reason than the leave; left disabled");
        }
        ended.success();
    }

    /** Whether the leave's end will enable the account: only when the leave itself disabled it. */
    static boolean restoreEnables(UserModel account) {
        return DisabledByLeave.isLeavesOwn(account);
    }
}
