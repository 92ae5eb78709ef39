package org.hipaaiam.logoff.status;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.keycloak.models.KeycloakSession;

/**
 * Serves `/realms/{realm}/hipaa-session/`. Not one of the bundle's admin APIs: any access token of the realm may
 * ask about its own session, whatever app it was issued to.
 */
public final class SessionStatusResourceFactory extends RealmResourceFactory {

    public SessionStatusResourceFactory() {
        super(SessionStatusResource.API);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new SessionStatusResource(session);
    }
}
