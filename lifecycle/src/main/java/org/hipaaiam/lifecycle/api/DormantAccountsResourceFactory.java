package org.hipaaiam.lifecycle.api;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/** Serves dormant-account clean-up at `/realms/{realm}/hipaa-dormant-accounts`. */
public final class DormantAccountsResourceFactory extends RealmResourceFactory {

    @Override
    public String getId() {
        return BundleApi.DORMANT_ACCOUNTS.path();
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new DormantAccountsResource(session);
    }
}
