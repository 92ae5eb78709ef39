package org.hipaaiam.lifecycle.hrfeed;

import java.util.Map;
import org.hipaaiam.lifecycle.revocation.DisableTrigger;
import org.hipaaiam.lifecycle.revocation.Revocation;
import org.hipaaiam.lifecycle.revocation.SessionRevoker;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** A separation taking effect on one account: disabled, the HR event recorded, every session ended. */
final class AccountSeparation {

    static final String DETAIL_EVENT_ID = "hr_event_id";

    private AccountSeparation() {
    }

    static Revocation apply(KeycloakSession session, RealmModel realm, UserModel account, String eventId, DisableTrigger trigger) {
        account.setEnabled(false);
        SeparationRecords.recordEvent(account, eventId);
        SeparationRecords.clearPending(account);
        return SessionRevoker.revoke(session, realm, account, trigger, Map.of(DETAIL_EVENT_ID, eventId));
    }
}
