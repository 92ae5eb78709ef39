package org.hipaaiam.logoff.api;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/** Serves the realm's idle policies at `/realms/{realm}/hipaa-idle-policies`. */
public final class IdlePoliciesResourceFactory extends RealmResourceFactory {

    public IdlePoliciesResourceFactory() {
        super(BundleApi.IDLE_POLICIES);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new IdlePoliciesResource(session);
    }
}
