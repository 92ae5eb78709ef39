package org.hipaaiam.lifecycle.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.hipaaiam.core.account.GroupTree;
import org.hipaaiam.core.account.PrivilegedRoles;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.lifecycle.privilege.PrivilegedRolePolicy;
import org.keycloak.Config;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

/**
 * One request as the guard judges it. The token's claims say which rules apply (cheaply: most requests need no
 * more); before any refusal the token is verified as Keycloak would, and a token that fails is left to Keycloak,
 * which refuses it (401). Each refusal is audited in the realm concerned, with the caller and the path.
 */
final class GuardedRequest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The body could not be read as JSON. */
    private static final JsonNode UNREADABLE = MissingNode.getInstance();

    private final KeycloakSession session;
    private final ContainerRequestContext request;
    private final GuardedPath path;
    private final String method;
    private String token;
    private RealmModel tokenRealm;
    private AuthResult caller;
    private boolean bodyRead;
    private JsonNode body;

    GuardedRequest(KeycloakSession session, ContainerRequestContext request, GuardedPath path) {
        this.session = session;
        this.request = request;
        this.path = path;
        this.method = request.getMethod();
    }

    /** The refusal, already audited, or empty when the request goes on to Keycloak. */
    Optional<Refusal> refusal() {
        token = bearerToken(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        AccessToken claims = token == null ? null : unverifiedClaims(token);
        tokenRealm = claims == null || claims.getIssuer() == null ? null
                : session.realms().getRealmByName(claims.getIssuer().substring(claims.getIssuer().lastIndexOf('/') + 1));
        if (tokenRealm == null) {
            return Optional.empty();
        }
        RealmModel target = path.realm() == null ? null : session.realms().getRealmByName(path.realm());
        Optional<Refused> refused = confined(claims);
        if (refused.isEmpty() && target != null && BundleScope.policiesApply(target)) {
            refused = scimChange(target).or(() -> privilegedAccountChange(target)).or(() -> privilegedGroupChange(target))
                    .or(() -> privilegedRoleGrant(target));
        }
        if (refused.isEmpty() || verifiedCaller() == null) {
            return Optional.empty();
        }
        record(refused.get());
        return Optional.of(refused.get().refusal());
    }

    /** A refusal and the realm whose audit trail records it. */
    private record Refused(RealmModel realm, Refusal refusal) {
    }

    /** The HR system's and the SCIM client's tokens only on their own API. */
    private Optional<Refused> confined(AccessToken claims) {
        if (!BundleScope.policiesApply(tokenRealm)) {
            return Optional.empty();
        }
        return ConfinedCaller.of(claims).filter(confinedCaller -> !confinedCaller.admits(path, tokenRealm.getName()))
                .map(confinedCaller -> new Refused(tokenRealm, new Refusal(403, "token_confined", confinedCaller.reason(),
                        EventType.CLIENT_LOGIN_ERROR)));
    }

    /** SCIM changes no credential, role or group membership, whoever calls it. */
    private Optional<Refused> scimChange(RealmModel target) {
        if (path.admin() || !ConfinedCaller.SCIM_PATH.equals(path.api())) {
            return Optional.empty();
        }
        JsonNode scimBody = body();
        if (scimBody == UNREADABLE) {
            return Optional.of(new Refused(target, Refusal.invalid("the body must be JSON of at most " + JsonBody.MAX_BYTES + " bytes")));
        }
        return ScimChange.refusal(method, path.belowApi(), scimBody)
                .map(reason -> new Refused(target, new Refusal(403, "scim_change_refused", reason, EventType.UPDATE_PROFILE_ERROR)));
    }

    /** Credentials, roles and the account itself of a privileged account change only by a realm administrator's hand. */
    private Optional<Refused> privilegedAccountChange(RealmModel target) {
        if (!path.admin()) {
            return Optional.empty();
        }
        Optional<AccountChange> change = AccountChange.of(method, path.rest(), () -> body() == null ? UNREADABLE : body());
        if (change.isEmpty()) {
            return Optional.empty();
        }
        UserModel account = session.users().getUserById(target, change.get().userId());
        if (account == null || !PrivilegedRoles.isPrivilegedAccount(target, account, RealmSettings.of(session, target).get(PrivilegedRoles.SETTING))) {
            return Optional.empty();
        }
        AuthResult verified = verifiedCaller();
        if (verified == null || isRealmAdministrator(verified, target)) {
            return Optional.empty();
        }
        AccountChange.Kind kind = change.get().kind();
        String what = switch (kind) {
            case CREDENTIAL -> "changes the credentials";
            case ROLE -> "changes the roles";
            case ACCOUNT -> "edits or removes";
        };
        return Optional.of(new Refused(target, new Refusal(403, "privileged_account",
                "only a realm administrator " + what + " of a privileged account (adm- accounts and holders of realm-management roles)",
                kind == AccountChange.Kind.CREDENTIAL ? EventType.UPDATE_CREDENTIAL_ERROR : EventType.UPDATE_PROFILE_ERROR)
                .with(AuditDetails.TARGET_USER, account.getId())));
    }

    /**
     * A group's roles are its members' roles (subgroups' members included): with a privileged account among them,
     * only a realm administrator changes the group's role mappings.
     */
    private Optional<Refused> privilegedGroupChange(RealmModel target) {
        List<String> rest = path.rest();
        boolean groupRoles = rest.size() >= 3 && "groups".equals(rest.get(0)) && "role-mappings".equals(rest.get(2));
        if (!path.admin() || !groupRoles || AccountChange.READS.contains(method)) {
            return Optional.empty();
        }
        GroupModel group = session.groups().getGroupById(target, rest.get(1));
        AuthResult verified = group == null ? null : verifiedCaller();
        // A realm administrator's change needs no look at the members, which may be many.
        if (verified == null || isRealmAdministrator(verified, target)) {
            return Optional.empty();
        }
        List<String> names = RealmSettings.of(session, target).get(PrivilegedRoles.SETTING);
        return GroupTree.withSubgroups(group).flatMap(g -> session.users().getGroupMembersStream(target, g))
                .filter(member -> PrivilegedRoles.isPrivilegedAccount(target, member, names)).findFirst()
                .map(member -> new Refused(target, new Refusal(403, "privileged_account",
                        "only a realm administrator changes the roles of a group with privileged members (adm- accounts and holders of"
                                + " realm-management roles)", EventType.UPDATE_PROFILE_ERROR)
                        .with(AuditDetails.TARGET_USER, member.getId()).with(PrivilegedRolePolicy.DETAIL_GROUP, group.getName())));
    }

    /**
     * Privileged roles go to `adm-` accounts only, whoever asks: refused before the grant is made, rather than taken
     * back after it (the guard listener still takes back what arrives another way: composites, group roles).
     */
    private Optional<Refused> privilegedRoleGrant(RealmModel target) {
        if (!path.admin()) {
            return Optional.empty();
        }
        Optional<RoleGrant> grant = RoleGrant.of(method, path.rest(), () -> body() == null ? UNREADABLE : body());
        if (grant.isEmpty()) {
            return Optional.empty();
        }
        UserModel account = session.users().getUserById(target, grant.get().userId());
        PrivilegedRolePolicy policy = PrivilegedRolePolicy.of(RealmSettings.of(session, target));
        if (account == null || policy.mayHoldPrivilegedRoles(target, account)) {
            return Optional.empty();
        }
        List<RoleModel> privileged = PrivilegedRoles.models(target, List.copyOf(policy.privilegedRoles()));
        GroupModel group = grant.get().groupId() == null ? null : session.groups().getGroupById(target, grant.get().groupId());
        Optional<RoleModel> carried = granted(target, grant.get(), group).filter(role -> PrivilegedRoles.carriedBy(role, privileged)).findFirst();
        return carried.map(role -> new Refused(target, new Refusal(403, PrivilegedRolePolicy.REFUSED, PrivilegedRolePolicy.REASON,
                EventType.UPDATE_PROFILE_ERROR).with(AuditDetails.TARGET_USER, account.getId()).with(PrivilegedRolePolicy.DETAIL_ROLE, role.getName())
                .with(PrivilegedRolePolicy.DETAIL_GROUP, group == null ? null : group.getName())));
    }

    /**
     * The roles a grant gives, as the realm has them: those a joined group carries (with its parents'), or those the
     * request names (names the realm does not know are Keycloak's to refuse).
     */
    private static Stream<RoleModel> granted(RealmModel target, RoleGrant grant, GroupModel group) {
        if (grant.groupId() != null) {
            return group == null ? Stream.empty() : GroupTree.withParents(group).flatMap(GroupModel::getRoleMappingsStream);
        }
        ClientModel client = grant.clientId() == null ? null : target.getClientById(grant.clientId());
        return grant.roles().stream().map(named -> {
            RoleModel byId = named.id() == null ? null : target.getRoleById(named.id());
            if (byId != null || named.name() == null) {
                return byId;
            }
            return client != null ? client.getRole(named.name()) : target.getRole(named.name());
        }).filter(Objects::nonNull);
    }

    /** Holds `realm-admin` of the realm itself, or is an administrator of the master realm (role `admin`). */
    private boolean isRealmAdministrator(AuthResult verified, RealmModel target) {
        UserModel user = verified.user();
        if (user == null) {
            return false;
        }
        RoleModel role;
        if (tokenRealm.getId().equals(target.getId())) {
            ClientModel realmManagement = target.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
            role = realmManagement == null ? null : realmManagement.getRole(AdminRoles.REALM_ADMIN);
        } else {
            role = Config.getAdminRealm().equals(tokenRealm.getName()) ? tokenRealm.getRole(AdminRoles.ADMIN) : null;
        }
        return role != null && user.hasRole(role);
    }

    /** The token checked as Keycloak checks it (signature, expiry, not-before, session), or null if it fails. */
    private AuthResult verifiedCaller() {
        if (caller == null) {
            // A master-realm token administers other realms: it is verified in its own realm, as the admin API does.
            RealmModel contextRealm = session.getContext().getRealm();
            boolean otherRealm = contextRealm != null && !contextRealm.getId().equals(tokenRealm.getId());
            try {
                if (otherRealm) {
                    session.getContext().setRealm(tokenRealm);
                }
                caller = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(tokenRealm).setTokenString(token).authenticate();
            } catch (RuntimeException refusedByKeycloak) {
                caller = null;
            } finally {
                if (otherRealm) {
                    session.getContext().setRealm(contextRealm);
                }
            }
        }
        return caller;
    }

    private void record(Refused refused) {
        EventBuilder event = AuditEvents.refused(session, refused.realm(), path.api(), path.pathBelowApi(), refused.refusal());
        UserModel user = caller.user();
        if (user != null && tokenRealm.getId().equals(refused.realm().getId())) {
            event.user(user);
        } else if (user != null) {
            event.detail(AuditDetails.CALLER, tokenRealm.getName() + "/" + user.getUsername());
        }
        if (caller.client() != null) {
            event.client(caller.client().getClientId());
        }
        event.error(refused.refusal().code());
    }

    /** The JSON body, read once and handed on unchanged to Keycloak; null without one, {@link #UNREADABLE} if not JSON. */
    private JsonNode body() {
        if (!bodyRead) {
            bodyRead = true;
            body = request.hasEntity() ? readBody() : null;
        }
        return body;
    }

    private JsonNode readBody() {
        try {
            InputStream original = request.getEntityStream();
            byte[] start = original.readNBytes(JsonBody.MAX_BYTES + 1);
            request.setEntityStream(new SequenceInputStream(new ByteArrayInputStream(start), original));
            if (start.length == 0) {
                return null;
            }
            return start.length > JsonBody.MAX_BYTES ? UNREADABLE : JSON.readTree(start);
        } catch (IOException notJson) {
            return UNREADABLE;
        }
    }

    private static String bearerToken(String authorization) {
        if (authorization == null) {
            return null;
        }
        String[] parts = authorization.trim().split("\\s+");
        boolean scheme = parts.length == 2 && ("bearer".equalsIgnoreCase(parts[0]) || "dpop".equalsIgnoreCase(parts[0]));
        return scheme ? parts[1] : null;
    }

    private static AccessToken unverifiedClaims(String token) {
        try {
            return new JWSInput(token).readJsonContent(AccessToken.class);
        } catch (JWSInputException | RuntimeException notAToken) {
            return null;
        }
    }
}
