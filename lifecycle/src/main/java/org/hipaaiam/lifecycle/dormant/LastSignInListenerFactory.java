package org.hipaaiam.lifecycle.dormant;

import org.hipaaiam.core.provider.GlobalEventListenerFactory;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * `hipaa-last-sign-in`, global to all realms like the audit trail: a successful sign-in stamps the account with
 * its time (at most once a day, see {@link LastSignIn}), so dormant accounts can be found without keeping Keycloak's event store (which an admin can
 * clear), and a realm that enables the bundle's policies later already has the history.
 */
public final class LastSignInListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-last-sign-in";

    public LastSignInListenerFactory() {
        super(ID);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return onUserEvents(event -> stamp(session, event));
    }

    private static void stamp(KeycloakSession session, Event event) {
        if (event.getType() != EventType.LOGIN || event.getError() != null || event.getUserId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        long now = Time.currentTime();
        if (user != null && LastSignIn.needsStamp(user.getFirstAttribute(LastSignIn.ATTRIBUTE), now)) {
            user.setSingleAttribute(LastSignIn.ATTRIBUTE, Long.toString(now));
        }
    }
}
