package org.hipaaiam.core.api;

import java.util.Collection;
import java.util.Set;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.representations.AccessToken;

/**
 * What an access token grants, read from the token alone: the APIs it was issued for (`aud`), the roles its
 * client's scope let into it (`realm_access`, `resource_access`), and how the person signed in (`amr`). A person's
 * token for an app carries only what that app may use, whatever else the person holds.
 */
record TokenGrant(AccessToken token) {

    /** RFC 8176 methods that are a second factor here: a one-time code, a hardware key (WebAuthn). */
    static final Set<String> SECOND_FACTORS = Set.of("otp", "hwk");

    boolean names(BundleApi api) {
        return token.hasAudience(api.audience());
    }

    boolean realmRole(String role) {
        AccessToken.Access access = token.getRealmAccess();
        return access != null && access.isUserInRole(role);
    }

    /** Whether the sign-in behind the token used a second factor, as the token's `amr` claim says. */
    boolean hasSecondFactor() {
        Object amr = token.getOtherClaims().get("amr");
        return amr instanceof Collection<?> methods && methods.stream().anyMatch(SECOND_FACTORS::contains);
    }

    boolean clientRole(String clientId, String role) {
        AccessToken.Access access = token.getResourceAccess(clientId);
        return access != null && access.isUserInRole(role);
    }
}
