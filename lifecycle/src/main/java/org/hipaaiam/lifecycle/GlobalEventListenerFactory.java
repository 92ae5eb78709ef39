package org.hipaaiam.lifecycle;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSessionFactory;

/** The lifecycle listeners: global to all realms, no settings of their own; subclasses say what they create. */
public abstract class GlobalEventListenerFactory implements EventListenerProviderFactory {

    private final String id;

    protected GlobalEventListenerFactory(String id) {
        this.id = id;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
