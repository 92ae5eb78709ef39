package org.hipaaiam.lifecycle.hrfeed;

import java.util.Map;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A leave of absence taking effect on one account: suspension disables it and ends every session like a
 * separation; the return enables it again, unless the employee was separated meanwhile (a separation wins).
 */
final class AccountLeave {

    static final String LEAVE_STARTED = "leave-started";
    static final String LEAVE_ENDED = "leave-ended";

    private AccountLeave() {
    }

    static Revocation suspend(KeycloakSession session, RealmModel realm, UserModel account, DisableTrigger trigger) {
        account.setEnabled(false);
        LeaveRecords.markSuspended(account);
        return SessionRevoker.revoke(session, realm, account, trigger,
                Map.of(HrEvents.DETAIL_EVENT_ID, LeaveRecords.eventId(account), AuditDetails.HIPAA_EVENT, LEAVE_STARTED));
    }

    /** Recorded as `UPDATE_PROFILE` (Keycloak has no event type for enabling an account) with `hipaa_event=leave-ended`. */
    static void restore(KeycloakSession session, RealmModel realm, UserModel account, String eventId, DisableTrigger trigger) {
        account.setEnabled(true);
        LeaveRecords.clear(account);
        AuditEvents.event(session, realm, EventType.UPDATE_PROFILE, LEAVE_ENDED)
                .user(account)
                .detail(HrEvents.DETAIL_EVENT_ID, eventId)
                .detail(AuditDetails.SOURCE, trigger.label())
                .detail("enabled", "true")
                .success();
    }
}
