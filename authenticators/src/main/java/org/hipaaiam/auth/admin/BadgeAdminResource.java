package org.hipaaiam.auth.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hipaaiam.auth.badge.BadgeDirectory;
import org.hipaaiam.auth.badge.BadgeKeyFile;
import org.hipaaiam.auth.badge.BadgeNumber;
import org.hipaaiam.auth.badge.BadgeSignIn;
import org.hipaaiam.auth.enrolment.BadgeEnrolmentActionFactory;
import org.hipaaiam.auth.pin.PinCredential;
import org.hipaaiam.auth.pin.PinPolicy;
import org.hipaaiam.auth.workstation.Workstation;
import org.hipaaiam.auth.workstation.WorkstationRegistry;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.util.JsonSerialization;

/**
 * `/realms/{realm}/hipaa-badge-admin/`: the workstation registry (`view-realm` to read, `manage-realm` to change)
 * and users' badges and PINs (`view-users` to read, `manage-users` to change), for callers holding those
 * realm-management roles in this realm. Changes are admin events; refusals answer `{"error", "reason"}`,
 * change nothing and are recorded as error events. No answer or record ever contains a badge number or PIN.
 */
public final class BadgeAdminResource {

    static final String REFUSED = "badge-admin-refused";
    private final KeycloakSession session;
    private final RealmModel realm;

    BadgeAdminResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Path("workstations")
    @Produces(MediaType.APPLICATION_JSON)
    public Response listWorkstations() {
        return answer("workstations", caller -> {
            require(caller, AdminRoles.VIEW_REALM);
            return Response.ok(new WorkstationRegistry(realm).all().stream().map(Workstation::toMap).toList()).build();
        });
    }

    @GET
    @Path("workstations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response getWorkstation(@PathParam("id") String id) {
        return answer("workstations/" + id, caller -> {
            require(caller, AdminRoles.VIEW_REALM);
            return Response.ok(workstation(id).toMap()).build();
        });
    }

    /** Registers or replaces a workstation: `{"class", "location", "network"?, "publicKey"?}`. */
    @PUT
    @Path("workstations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response putWorkstation(@PathParam("id") String id, byte[] body) {
        return answer("workstations/" + id, caller -> {
            require(caller, AdminRoles.MANAGE_REALM);
            Workstation workstation = invalidAsBadRequest(() -> Workstation.of(id, json(body)));
            WorkstationRegistry registry = new WorkstationRegistry(realm);
            boolean existed = registry.find(id).isPresent();
            registry.save(workstation);
            adminEvent(caller, existed ? OperationType.UPDATE : OperationType.CREATE, ResourceType.REALM,
                    "workstations/" + id, workstation.toMap());
            return Response.ok(workstation.toMap()).build();
        });
    }

    @DELETE
    @Path("workstations/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response deleteWorkstation(@PathParam("id") String id) {
        return answer("workstations/" + id, caller -> {
            require(caller, AdminRoles.MANAGE_REALM);
            if (!new WorkstationRegistry(realm).remove(id)) {
                throw new Refusal(Refusal.Reason.NOT_FOUND, "no workstation " + id);
            }
            adminEvent(caller, OperationType.DELETE, ResourceType.REALM, "workstations/" + id, Map.of("id", id));
            return Response.noContent().build();
        });
    }

    @GET
    @Path("users/{userId}/badge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response badgeStatus(@PathParam("userId") String userId) {
        return answer("users/" + userId + "/badge", caller -> {
            require(caller, AdminRoles.VIEW_USERS);
            return Response.ok(status(user(userId))).build();
        });
    }

    /** Binds a badge to the user: `{"badge": "<number>"}`. A badge held by someone else, or revoked, is refused. */
    @PUT
    @Path("users/{userId}/badge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response assignBadge(@PathParam("userId") String userId, byte[] body) {
        return answer("users/" + userId + "/badge", caller -> {
            require(caller, AdminRoles.MANAGE_USERS);
            UserModel user = user(userId);
            Object typed = json(body).get("badge");
            BadgeNumber badge = BadgeNumber.parse(typed instanceof String s ? s : null).orElseThrow(() ->
                    new Refusal(Refusal.Reason.INVALID_REQUEST, "badge must be 4-64 letters or digits"));
            Optional<BadgeDirectory.Conflict> conflict = new BadgeDirectory(session, realm, BadgeKeyFile.key())
                    .assign(user, badge, Time.currentTime());
            if (conflict.isPresent()) {
                throw new Refusal(Refusal.Reason.CONFLICT, conflict.get() == BadgeDirectory.Conflict.REVOKED
                        ? "this badge was revoked and cannot be assigned again" : "this badge is bound to another user");
            }
            adminEvent(caller, OperationType.UPDATE, ResourceType.USER, "users/" + userId + "/badge", Map.of("badgeEnrolled", true));
            return Response.ok(status(user)).build();
        });
    }

    /** Revokes the user's badge (lost or replaced); its hash stays on record so it is refused from now on. */
    @DELETE
    @Path("users/{userId}/badge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response revokeBadge(@PathParam("userId") String userId) {
        return answer("users/" + userId + "/badge", caller -> {
            require(caller, AdminRoles.MANAGE_USERS);
            UserModel user = user(userId);
            if (!BadgeDirectory.revoke(user)) {
                throw new Refusal(Refusal.Reason.NOT_FOUND, "the user has no badge");
            }
            adminEvent(caller, OperationType.DELETE, ResourceType.USER, "users/" + userId + "/badge", Map.of("badgeRevoked", true));
            return Response.ok(status(user)).build();
        });
    }

    /** Resets the PIN: removes it (and its lock) and asks the user to set a new one after a full sign-in. */
    @DELETE
    @Path("users/{userId}/pin")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resetPin(@PathParam("userId") String userId) {
        return answer("users/" + userId + "/pin", caller -> {
            require(caller, AdminRoles.MANAGE_USERS);
            UserModel user = user(userId);
            PinCredential.remove(user);
            user.addRequiredAction(BadgeEnrolmentActionFactory.ID);
            adminEvent(caller, OperationType.DELETE, ResourceType.USER, "users/" + userId + "/pin", Map.of("pinReset", true));
            return Response.ok(status(user)).build();
        });
    }

    private Map<String, Object> status(UserModel user) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("userId", user.getId());
        status.put("badgeEnrolled", BadgeDirectory.hasBadge(user));
        status.put("revokedBadges", user.getAttributeStream(BadgeDirectory.REVOKED).count());
        status.put("pinSet", PinCredential.isSet(user));
        status.put("pinLocked", PinCredential.isLocked(user, PinPolicy.from(realm.getAttributes())));
        return status;
    }

    private interface Action {
        Response run(AuthResult caller);
    }

    private Response answer(String path, Action action) {
        AuthResult caller = null;
        try {
            caller = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
            if (caller == null) {
                throw new Refusal(Refusal.Reason.UNAUTHENTICATED, "a valid bearer token of this realm is required");
            }
            return action.run(caller);
        } catch (Refusal refusal) {
            EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection())
                    .event(EventType.EXECUTE_ACTIONS_ERROR)
                    .detail(BadgeSignIn.HIPAA_EVENT, REFUSED)
                    .detail("path", path)
                    .detail(BadgeSignIn.REASON, refusal.getMessage());
            if (caller != null) {
                event.user(caller.user()).client(caller.client());
            }
            event.error(refusal.reason.code);
            return Response.status(refusal.reason.status).type(MediaType.APPLICATION_JSON)
                    .entity(Map.of("error", refusal.reason.code, "reason", refusal.getMessage())).build();
        }
    }

    private void require(AuthResult caller, String role) {
        ClientModel realmManagement = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        RoleModel required = realmManagement == null ? null : realmManagement.getRole(role);
        if (required == null || !caller.user().hasRole(required)) {
            throw new Refusal(Refusal.Reason.FORBIDDEN, "the caller lacks the realm-management role " + role);
        }
    }

    private Workstation workstation(String id) {
        return new WorkstationRegistry(realm).find(id)
                .orElseThrow(() -> new Refusal(Refusal.Reason.NOT_FOUND, "no workstation " + id));
    }

    private UserModel user(String userId) {
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            throw new Refusal(Refusal.Reason.NOT_FOUND, "no user " + userId);
        }
        return user;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] body) {
        try {
            Object parsed = body == null || body.length == 0 ? null : JsonSerialization.readValue(body, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IOException e) {
            // answered below
        }
        throw new Refusal(Refusal.Reason.INVALID_REQUEST, "the body must be a JSON object");
    }

    private static <T> T invalidAsBadRequest(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Reason.INVALID_REQUEST, e.getMessage());
        }
    }

    private void adminEvent(AuthResult caller, OperationType operation, ResourceType type, String path, Map<String, Object> representation) {
        new AdminEventBuilder(realm, new AdminAuth(realm, caller.token(), caller.user(), caller.client()), session,
                session.getContext().getConnection())
                .operation(operation)
                .resource(type)
                .resourcePath(BadgeAdminResourceProviderFactory.ID, path)
                .representation(representation)
                .success();
    }
}
