package org.hipaaiam.auth.admin;

import org.hipaaiam.core.provider.RealmResourceFactory;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.models.KeycloakSession;

/** Serves {@link BadgeAdminResource} at `/realms/{realm}/hipaa-badge-admin/`. */
public final class BadgeAdminResourceFactory extends RealmResourceFactory {

    public BadgeAdminResourceFactory() {
        super(BundleApi.BADGE_ADMIN);
    }

    @Override
    protected Object resource(KeycloakSession session) {
        return new BadgeAdminResource(session);
    }
}
