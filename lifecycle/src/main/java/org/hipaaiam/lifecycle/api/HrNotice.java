package org.hipaaiam.lifecycle.api;

import java.time.Instant;
import org.hipaaiam.lifecycle.hrfeed.HrEvents;
import org.hipaaiam.lifecycle.revocation.AccountChanges;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** The notices the HR system posts, each at its own path below the feed and applied by {@link HrEvents}. */
enum HrNotice {

    /** `{"eventId", "employeeNumber", "effectiveAt"}`: disabled and signed out now, or when it takes effect. */
    SEPARATION("separations", HrEvents::separation),
    /** `{"eventId", "employeeNumber", "action": "suspend" | "restore", "startsAt", "endsAt"}`. */
    LEAVE("leaves", HrEvents::leave);

    /** How the notice is read and applied. */
    interface Applier {
        Object apply(KeycloakSession session, RealmModel realm, byte[] notice, Instant now, AccountChanges changes);
    }

    private final String path;
    private final Applier applier;

    HrNotice(String path, Applier applier) {
        this.path = path;
        this.applier = applier;
    }

    String path() {
        return path;
    }

    Object apply(KeycloakSession session, RealmModel realm, byte[] notice, Instant now, AccountChanges changes) {
        return applier.apply(session, realm, notice, now, changes);
    }
}
