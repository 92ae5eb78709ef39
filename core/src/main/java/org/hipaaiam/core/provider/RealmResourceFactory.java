package org.hipaaiam.core.provider;

import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Serves one of the bundle's APIs, one JAX-RS resource per request, at `/realms/{realm}/{api path}/...`. Subclasses
 * name the API and build the resource; lifecycle hooks are no-ops unless overridden.
 */
public abstract class RealmResourceFactory implements RealmResourceProviderFactory, StatelessFactory<RealmResourceProvider> {

    private final String path;

    protected RealmResourceFactory(BundleApi api) {
        this(api.path());
    }

    /** A resource that is not one of the bundle's audience-checked APIs (it authenticates callers its own way). */
    protected RealmResourceFactory(String path) {
        this.path = path;
    }

    @Override
    public final String getId() {
        return path;
    }

    /** The resource for this request; its methods need `@Path`, or Keycloak answers 405. */
    protected abstract Object resource(KeycloakSession session);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        Object resource = resource(session);
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
}
