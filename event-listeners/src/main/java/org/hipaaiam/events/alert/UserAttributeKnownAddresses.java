package org.hipaaiam.events.alert;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** Keeps the last addresses an account signed in from in the user attribute `hipaa.alerts.knownAddresses`. */
final class UserAttributeKnownAddresses implements AfterHoursNewLocationRule.KnownAddresses {

    static final String ATTRIBUTE = "hipaa.alerts.knownAddresses";
    static final int KEEP = 20;

    private final KeycloakSession session;
    private final RealmModel realm;

    UserAttributeKnownAddresses(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public boolean remember(String realmId, String userId, String address) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return false;
        }
        List<String> known = new ArrayList<>(user.getAttributeStream(ATTRIBUTE).toList());
        if (known.contains(address)) {
            return false;
        }
        known.add(address);
        user.setAttribute(ATTRIBUTE, known.subList(Math.max(0, known.size() - KEEP), known.size()));
        return true;
    }
}
