package org.hipaaiam.lifecycle.revocation;

import java.util.Map;
import org.hipaaiam.core.provider.GlobalEventListenerFactory;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;

/**
 * `hipaa-session-revocation`, global to all realms: sessions end when an account is disabled or deleted.
 * Deletion is caught before the user is removed (Keycloak would drop the sessions without telling any client).
 */
public final class SessionRevocationListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-session-revocation";

    public SessionRevocationListenerFactory() {
        super(ID);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new SessionRevocationListener(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof UserModel.UserPreRemovedEvent removed) {
                SessionRevoker.revoke(removed.getKeycloakSession(), removed.getRealm(), removed.getUser(),
                        DisableTrigger.ACCOUNT_DELETED, Map.of());
            }
        });
    }
}
