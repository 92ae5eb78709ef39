package org.hipaaiam.lifecycle.api;

import java.net.URI;
import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.server.OneNodeAtATime;
import org.hipaaiam.core.settings.SpiOptions;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.hipaaiam.lifecycle.hrfeed.DueSeparationsTask;
import org.hipaaiam.lifecycle.revocation.DisabledSessionsSweep;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * Serves the HR feed at `/realms/{realm}/hr-feed/...` and runs the lifecycle's scheduled work: due separations
 * and leaves, and the sweep that ends sessions of disabled accounts. Its SPI options are in {@link LifecycleSettings}.
 */
public final class HrFeedResourceProviderFactory extends RealmResourceFactory {

    public static final String ID = BundleApi.HR_FEED.path();

    private long dueCheckIntervalMillis;
    private long disabledSweepIntervalMillis;
    private URI serverUrl;

    public HrFeedResourceProviderFactory() {
        super(BundleApi.HR_FEED);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new HrFeedResource(session);
    }

    @Override
    public void init(Config.Scope config) {
        SpiOptions options = new SpiOptions(config);
        dueCheckIntervalMillis = options.get(LifecycleSettings.DUE_CHECK_INTERVAL_SECONDS) * 1000;
        disabledSweepIntervalMillis = options.get(LifecycleSettings.DISABLED_SWEEP_INTERVAL_SECONDS) * 1000;
        serverUrl = options.get(LifecycleSettings.SERVER_URL);
    }

    /** The configured public base URL, for lifecycle work outside a request (workflow steps). */
    public static URI serverUrl(KeycloakSession session) {
        HrFeedResourceProviderFactory factory = (HrFeedResourceProviderFactory) session.getKeycloakSessionFactory()
                .getProviderFactory(RealmResourceProvider.class, ID);
        return factory == null ? LifecycleSettings.SERVER_URL.defaultValue() : factory.serverUrl;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OneNodeAtATime.schedule(factory, new DueSeparationsTask(serverUrl), dueCheckIntervalMillis);
        OneNodeAtATime.schedule(factory, new DisabledSessionsSweep(serverUrl), disabledSweepIntervalMillis);
    }
}
