package org.hipaaiam.lifecycle.hrfeed;

import java.net.URI;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Serves the HR feed at `/realms/{realm}/hr-feed/...` and checks for due scheduled separations every
 * `due-check-interval-seconds` (SPI option, default 60). `server-url` (default `http://localhost:8080/`) is the
 * public base URL scheduled separations use when they tell apps of a logout; set it to the server's hostname.
 */
public final class HrFeedResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "hr-feed";
    static final long DEFAULT_DUE_CHECK_INTERVAL_SECONDS = 60;

    static final String DEFAULT_SERVER_URL = "http://localhost:8080/";

    private long dueCheckIntervalMillis;
    private URI serverUrl;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        HrFeedResource resource = new HrFeedResource(session);
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        dueCheckIntervalMillis = config.getLong("due-check-interval-seconds", DEFAULT_DUE_CHECK_INTERVAL_SECONDS) * 1000;
        serverUrl = URI.create(config.get("server-url", DEFAULT_SERVER_URL));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(
                    new ClusterAwareScheduledTaskRunner(factory, new DueSeparationsTask(serverUrl), dueCheckIntervalMillis),
                    dueCheckIntervalMillis, DueSeparationsTask.NAME);
        }
    }

    @Override
    public void close() {
    }
}
