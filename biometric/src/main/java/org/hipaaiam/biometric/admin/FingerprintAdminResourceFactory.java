package org.hipaaiam.biometric.admin;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/** Serves {@link FingerprintAdminResource} at `/realms/{realm}/hipaa-fingerprint-admin/`. */
public final class FingerprintAdminResourceFactory extends RealmResourceFactory {

    public FingerprintAdminResourceFactory() {
        super(BundleApi.FINGERPRINT_ADMIN);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new FingerprintAdminResource(session);
    }
}
