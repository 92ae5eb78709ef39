package org.hipaaiam.lifecycle.api;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/** Serves dormant-account clean-up at `/realms/{realm}/hipaa-dormant-accounts`. */
public final class DormantAccountsResourceFactory extends RealmResourceFactory {

    public DormantAccountsResourceFactory() {
        super(BundleApi.DORMANT_ACCOUNTS);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new DormantAccountsResource(session);
    }
}
