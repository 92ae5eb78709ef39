package org.hipaaiam.auth.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.BiFunction;
import org.hipaaiam.auth.badge.BadgeDirectory;
import org.hipaaiam.auth.badge.BadgeKeyFile;
import org.hipaaiam.auth.badge.BadgeNumber;
import org.hipaaiam.auth.enrolment.BadgeEnrolmentActionFactory;
import org.hipaaiam.auth.pin.PinCredential;
import org.hipaaiam.auth.pin.PinPolicy;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * `.../hipaa-badge-admin/users/{userId}/badge` and `.../pin`: one user's badge and PIN, `view-users` to read and
 * `manage-users` to change. Every answer is the user's {@link BadgeStatus} after the call.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class UserBadgeResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiRequest api;
    private final String userId;

    UserBadgeResource(KeycloakSession session, ApiRequest api, String userId) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.api = api;
        this.userId = userId;
    }

    @GET
    @Path("badge")
    public Response badgeStatus() {
        return onUser("badge", AdminRoles.VIEW_USERS, (caller, user) -> status(user));
    }

    /** Binds a badge to the user: `{"badge": "<number>"}`. A badge held by someone else, or revoked, is refused. */
    @PUT
    @Path("badge")
    public Response assignBadge(byte[] body) {
        return onUser("badge", AdminRoles.MANAGE_USERS, (caller, user) -> {
            BadgeNumber badge = BadgeNumber.parse(JsonBody.text(JsonBody.object(body), "badge"))
                    .orElseThrow(() -> Refusal.invalid("badge must be 4-64 letters or digits"));
            Optional<BadgeDirectory.Conflict> conflict = new BadgeDirectory(session, realm, BadgeKeyFile.key())
                    .assign(user, badge, Time.currentTime());
            if (conflict.isPresent()) {
                throw Refusal.conflict("conflict", switch (conflict.get()) {
                    case REVOKED -> "this badge was revoked and cannot be assigned again";
                    case HELD_BY_ANOTHER_USER -> "this badge is bound to another user";
                    case ACCOUNT_NOT_ELIGIBLE -> "badges are only for workforce accounts without privileged roles: adm-, service, "
                            + "emergency and disaster-recovery accounts sign in with password and one-time code";
                });
            }
            return changed(caller, user, OperationType.UPDATE, "badge");
        });
    }

    /** Revokes the user's badge (lost or replaced); its hash stays on record so it is refused from now on. */
    @DELETE
    @Path("badge")
    public Response revokeBadge() {
        return onUser("badge", AdminRoles.MANAGE_USERS, (caller, user) -> {
            if (!BadgeDirectory.revoke(user)) {
                throw Refusal.notFound("the user has no badge");
            }
            return changed(caller, user, OperationType.DELETE, "badge");
        });
    }

    /** Resets the PIN: removes it (and its lock) and asks the user to set a new one after a full sign-in. */
    @DELETE
    @Path("pin")
    public Response resetPin() {
        return onUser("pin", AdminRoles.MANAGE_USERS, (caller, user) -> {
            PinCredential.remove(user);
            user.addRequiredAction(BadgeEnrolmentActionFactory.ID);
            return changed(caller, user, OperationType.DELETE, "pin");
        });
    }

    /** Runs `endpoint` for a caller holding `role`, on the user the path names (404 when there is none). */
    private Response onUser(String item, String role, BiFunction<Caller, UserModel, BadgeStatus> endpoint) {
        return api.answerOnUser(path(item), role, userId, endpoint::apply);
    }

    private BadgeStatus changed(Caller caller, UserModel user, OperationType operation, String item) {
        BadgeStatus status = status(user);
        BadgeAdminResource.recordChange(caller, operation, ResourceType.USER, path(item), status);
        return status;
    }

    private BadgeStatus status(UserModel user) {
        return BadgeStatus.of(user, PinPolicy.of(session, realm));
    }

    private String path(String item) {
        return "users/" + userId + "/" + item;
    }
}
