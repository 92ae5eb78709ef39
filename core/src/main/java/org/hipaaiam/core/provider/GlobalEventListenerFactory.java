package org.hipaaiam.core.provider;

import java.util.function.Consumer;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;

/** The bundle's event listeners: global to all realms, no settings of their own; subclasses say what they create. */
public abstract class GlobalEventListenerFactory implements EventListenerProviderFactory, StatelessFactory<EventListenerProvider> {

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

    /** A listener that acts on user events only. */
    protected static EventListenerProvider onUserEvents(Consumer<Event> handler) {
        return listener(handler, adminEvent -> { });
    }

    /** A listener that acts on admin events only. */
    protected static EventListenerProvider onAdminEvents(Consumer<AdminEvent> handler) {
        return listener(event -> { }, handler);
    }

    private static EventListenerProvider listener(Consumer<Event> userEvents, Consumer<AdminEvent> adminEvents) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
                userEvents.accept(event);
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                adminEvents.accept(event);
            }

            @Override
            public void close() {
            }
        };
    }
}
