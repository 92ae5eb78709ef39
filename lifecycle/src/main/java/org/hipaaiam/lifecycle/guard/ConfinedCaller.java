package org.hipaaiam.lifecycle.guard;

import java.util.Arrays;
import java.util.Optional;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.lifecycle.privilege.PrivilegedRolePolicy;
import org.keycloak.representations.AccessToken;

/**
 * The machine callers whose tokens are good on their own API only, whatever roles they hold: the HR system on the
 * HR feed, and the opt-in SCIM client (whose service account holds the user management Keycloak's SCIM needs) on
 * SCIM. Recognised from the token's claims, so a role granted to them by mistake later opens nothing else.
 */
public enum ConfinedCaller {

    /** A token naming the HR feed (its audience) or of an account holding the realm role `hr-feed`. */
    HR_FEED(BundleApi.HR_FEED.path(), "the HR feed's tokens are accepted by the HR feed only"),
    /** A token of the SCIM client {@link PrivilegedRolePolicy#SCIM_CLIENT_ID}. */
    SCIM(ConfinedCaller.SCIM_PATH, "the SCIM client's tokens are accepted by SCIM only");

    /** The realm role that makes a service account the HR system. */
    public static final String HR_FEED_ROLE = "hr-feed";
    /** Keycloak's SCIM API: `/realms/{realm}/scim/v2/...`. */
    static final String SCIM_PATH = "scim";

    private final String api;
    private final String reason;

    ConfinedCaller(String api, String reason) {
        this.api = api;
        this.reason = reason;
    }

    /** Which confined caller the token belongs to, if any; the token's signature is checked before a refusal. */
    static Optional<ConfinedCaller> of(AccessToken token) {
        if (PrivilegedRolePolicy.SCIM_CLIENT_ID.equals(token.getIssuedFor())) {
            return Optional.of(SCIM);
        }
        boolean namesHrFeed = token.getAudience() != null && Arrays.asList(token.getAudience()).contains(BundleApi.HR_FEED.audience());
        boolean hrRole = token.getRealmAccess() != null && token.getRealmAccess().isUserInRole(HR_FEED_ROLE);
        return namesHrFeed || hrRole ? Optional.of(HR_FEED) : Optional.empty();
    }

    /** Whether the token may be used for this request: only on its own API of its own realm. */
    boolean admits(GuardedPath path, String tokenRealm) {
        return path.isRealmApi(tokenRealm, api);
    }

    String reason() {
        return reason + " (/realms/{realm}/" + api + ")";
    }
}
