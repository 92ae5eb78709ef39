package org.hipaaiam.lifecycle.hrfeed;

import java.time.Instant;
import java.util.Map;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A separation taking effect on one account: disabled, the HR event recorded, every session ended, the timing kept as evidence. */
final class AccountSeparation {

    private AccountSeparation() {
    }

    static Revocation apply(KeycloakSession session, RealmModel realm, UserModel account, String eventId, Instant dueAt,
            DisableTrigger trigger) {
        account.setEnabled(false);
        SeparationRecords.recordEvent(account, eventId);
        SeparationRecords.clearPending(account);
        // A separation during a leave of absence wins: the account must not come back when the leave ends.
        LeaveRecords.clear(account);
        Revocation revocation = SessionRevoker.revoke(session, realm, account, trigger, Map.of(HrEvents.DETAIL_EVENT_ID, eventId));
        SeparationRecords.recordCompletion(account, dueAt, Instant.ofEpochMilli(Time.currentTimeMillis()));
        return revocation;
    }
}
