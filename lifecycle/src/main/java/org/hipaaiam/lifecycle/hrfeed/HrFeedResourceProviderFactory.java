package org.hipaaiam.lifecycle.hrfeed;

import java.net.URI;
import org.hipaaiam.lifecycle.revocation.DisabledSessionsSweep;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Serves the HR feed at `/realms/{realm}/hr-feed/...` and runs the lifecycle's scheduled work: due separations
 * and leaves every `due-check-interval-seconds` (SPI option, default 60), and the sweep that ends sessions of
 * disabled accounts every `disabled-sweep-interval-seconds` (default 30). `server-url` (default
 * `http://localhost:8080/`) is the public base URL scheduled work uses when it tells apps of a logout; set it
 * to the server's hostname.
 */
public final class HrFeedResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "hr-feed";
    static final long DEFAULT_DUE_CHECK_INTERVAL_SECONDS = 60;
    static final long DEFAULT_DISABLED_SWEEP_INTERVAL_SECONDS = 30;

    static final String DEFAULT_SERVER_URL = "http://localhost:8080/";

    private long dueCheckIntervalMillis;
    private long disabledSweepIntervalMillis;
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
        disabledSweepIntervalMillis = config.getLong("disabled-sweep-interval-seconds", DEFAULT_DISABLED_SWEEP_INTERVAL_SECONDS) * 1000;
        serverUrl = URI.create(config.get("server-url", DEFAULT_SERVER_URL));
    }

    /** The configured public base URL, for lifecycle work outside a request (workflow steps). */
    public static URI serverUrl(KeycloakSession session) {
        HrFeedResourceProviderFactory factory = (HrFeedResourceProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(RealmResourceProvider.class, ID);
        return factory == null ? URI.create(DEFAULT_SERVER_URL) : factory.serverUrl;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new DueSeparationsTask(serverUrl), dueCheckIntervalMillis),
                    dueCheckIntervalMillis, DueSeparationsTask.NAME);
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new DisabledSessionsSweep(serverUrl), disabledSweepIntervalMillis),
                    disabledSweepIntervalMillis, DisabledSessionsSweep.NAME);
        }
    }

    @Override
    public void close() {
    }
}
