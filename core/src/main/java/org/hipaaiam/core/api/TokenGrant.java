package org.hipaaiam.core.api;

import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.representations.AccessToken;

/**
 * What an access token grants, read from the token alone: the APIs it was issued for (`aud`) and the roles its
 * client's scope let into it (`realm_access`, `resource_access`). A person's token for an app carries only what
 * that app may use, whatever else the person holds.
 */
record TokenGrant(AccessToken token) {

    boolean names(BundleApi api) {
        return token.hasAudience(api.audience());
    }

    boolean realmRole(String role) {
        AccessToken.Access access = token.getRealmAccess();
        return access != null && access.isUserInRole(role);
    }

    boolean clientRole(String clientId, String role) {
        AccessToken.Access access = token.getResourceAccess(clientId);
        return access != null && access.isUserInRole(role);
    }
}
