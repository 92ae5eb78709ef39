package org.hipaaiam.emergency;

import java.util.function.Function;
import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;

/** Registers one of this module's required actions: its id, the text the admin console shows, and its provider. */
public abstract class EmergencyActionFactory implements RequiredActionFactory, StatelessFactory<RequiredActionProvider> {

    private final String id;
    private final String displayText;
    private final Function<KeycloakSession, RequiredActionProvider> provider;

    protected EmergencyActionFactory(String id, String displayText, Function<KeycloakSession, RequiredActionProvider> provider) {
        this.id = id;
        this.displayText = displayText;
        this.provider = provider;
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayText() {
        return displayText;
    }

    @Override
    public final RequiredActionProvider create(KeycloakSession session) {
        return provider.apply(session);
    }
}
