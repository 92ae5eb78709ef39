package org.hipaaiam.core.api;

import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.keycloak.events.EventType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * Who calls one of the bundle's APIs: a valid bearer token of the realm (signature, expiry, not-before and a
 * live session checked by Keycloak) issued for that API, then the checks each endpoint asks for. A role counts
 * only when the user holds it now and the token carries it, so a token issued to an app brings only the roles
 * that app may use. Every failed check throws a {@link Refusal}.
 */
public final class Caller {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthResult auth;

    private Caller(KeycloakSession session, RealmModel realm, AuthResult auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    static Caller authenticate(KeycloakSession session, RealmModel realm) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null) {
            throw Refusal.unauthenticated("a valid bearer token of this realm is required");
        }
        return new Caller(session, realm, auth);
    }

    /** The token was issued for this API, not for an app or another API. */
    Caller requireAudience(BundleApi api) {
        if (!grant().names(api)) {
            throw new Refusal(401, "invalid_audience", "the token is not meant for this API (audience " + api.audience() + ")",
                    EventType.CLIENT_LOGIN_ERROR);
        }
        return this;
    }

    /**
     * A person calling an API of the bundle's realms signed in with a second factor (the token's `amr` names a
     * one-time code or a hardware key): badge + PIN at a workstation is one factor, enough for clinical apps, never
     * for administering accounts or reading emergency-access cases. Service accounts are machines with their own
     * client credentials and are not asked.
     */
    Caller requireSecondFactorOfPeople() {
        if (auth.user().getServiceAccountClientLink() != null || !BundleScope.policiesApply(realm)) {
            return this;
        }
        if (!grant().hasSecondFactor()) {
            throw new Refusal(403, "second_factor_required",
                    "this API needs a sign-in with a second factor (password and one-time code), not a single factor such as badge + PIN",
                    EventType.CLIENT_LOGIN_ERROR);
        }
        return this;
    }

    public UserModel user() {
        return auth.user();
    }

    public ClientModel client() {
        return auth.client();
    }

    public String clientId() {
        return auth.client() == null ? null : auth.client().getClientId();
    }

    public AccessToken token() {
        return auth.token();
    }

    /** Whether the caller's user holds the realm role (directly, through a composite or a group) and the token carries it. */
    public boolean hasRealmRole(String roleName) {
        RoleModel role = realm.getRole(roleName);
        return role != null && auth.user().hasRole(role) && grant().realmRole(roleName);
    }

    /** The caller's user holds the realm role (directly, through a composite or a group) and the token carries it. */
    public Caller requireRealmRole(String roleName) {
        RoleModel role = realm.getRole(roleName);
        if (role == null || !auth.user().hasRole(role)) {
            throw Refusal.forbidden("the caller lacks the realm role " + roleName);
        }
        if (!grant().realmRole(roleName)) {
            throw notInToken("the realm role " + roleName);
        }
        return this;
    }

    /**
     * The caller's user holds the `realm-management` client role of this realm (`view-users`, `manage-realm`, ...)
     * and the token carries it.
     */
    public Caller requireRealmManagementRole(String roleName) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel role = realmManagement == null ? null : realmManagement.getRole(roleName);
        if (role == null || !auth.user().hasRole(role)) {
            throw Refusal.forbidden("the caller lacks the realm-management role " + roleName);
        }
        if (!grant().clientRole(Constants.REALM_MANAGEMENT_CLIENT_ID, roleName)) {
            throw notInToken("the realm-management role " + roleName);
        }
        return this;
    }

    private Refusal notInToken(String role) {
        return Refusal.forbidden("the token does not carry " + role + ": its client " + clientId() + " may not use it");
    }

    private TokenGrant grant() {
        return new TokenGrant(auth.token());
    }

    /** An admin event by this caller; the audit listener records it with the caller's user and client. */
    public AdminEventBuilder adminEvent() {
        return adminEvent(session, realm);
    }

    /** The same, in another session (work done in its own transaction). */
    public AdminEventBuilder adminEvent(KeycloakSession in, RealmModel inRealm) {
        return new AdminEventBuilder(inRealm, new AdminAuth(inRealm, auth.token(), auth.user(), auth.client()), in,
                in.getContext().getConnection());
    }
}
