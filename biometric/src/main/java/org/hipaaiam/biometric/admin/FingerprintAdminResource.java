package org.hipaaiam.biometric.admin;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BiFunction;
import org.hipaaiam.biometric.enrolment.FingerprintEnrolments;
import org.hipaaiam.core.account.PrivilegedRoles;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.common.util.Base64Url;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/**
 * `/realms/{realm}/hipaa-fingerprint-admin/users/{userId}/fingerprints[/{credentialId}]`: a user's security keys
 * with the model and enrolment facts (`view-users`), and revoking one (`manage-users`): the credential and its
 * facts are removed, as an admin event. A privileged account's keys are a realm administrator's to remove, in
 * Keycloak's own admin API (where the admin-API guard allows only them); refusals are audited as `api-refused`.
 */
@Produces(MediaType.APPLICATION_JSON)
public final class FingerprintAdminResource {

    private static final String PATH = "fingerprints";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ApiRequest api;

    FingerprintAdminResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
        this.api = new ApiRequest(session, BundleApi.FINGERPRINT_ADMIN);
    }

    @GET
    @Path("users/{userId}/fingerprints")
    public Response list(@PathParam("userId") String userId) {
        return onUser(userId, "", AdminRoles.VIEW_USERS, (caller, user) -> keys(user));
    }

    @DELETE
    @Path("users/{userId}/fingerprints/{credentialId}")
    public Response revoke(@PathParam("userId") String userId, @PathParam("credentialId") String credentialId) {
        return onUser(userId, "/" + credentialId, AdminRoles.MANAGE_USERS, (caller, user) -> {
            if (PrivilegedRoles.isPrivilegedAccount(realm, user, RealmSettings.of(session, realm).get(PrivilegedRoles.SETTING))) {
                throw Refusal.forbidden("a privileged account's credentials are removed by a realm administrator in the admin console");
            }
            FingerprintView key = keys(user).stream().filter(view -> view.id().equals(credentialId)).findFirst()
                    .orElseThrow(() -> Refusal.notFound("the user has no security key " + credentialId));
            user.credentialManager().removeStoredCredentialById(credentialId);
            if (key.enrolment() != null) {
                FingerprintEnrolments.of(user).forget(key.enrolment().credentialId());
            }
            caller.adminEvent().operation(OperationType.DELETE).resource(ResourceType.USER)
                    .resourcePath(BundleApi.FINGERPRINT_ADMIN.path(), path(userId, "/" + credentialId)).representation(key).success();
            return null;
        });
    }

    /** The user's WebAuthn (second-factor) credentials, each with its enrolment facts where the bundle enrolled it. */
    private List<FingerprintView> keys(UserModel user) {
        FingerprintEnrolments enrolments = FingerprintEnrolments.of(user);
        return user.credentialManager().getStoredCredentialsByTypeStream(WebAuthnCredentialModel.TYPE_TWOFACTOR)
                .map(stored -> {
                    WebAuthnCredentialModel key = WebAuthnCredentialModel.createFromCredentialModel(stored);
                    String webAuthnId = Base64Url.encodeBase64ToBase64Url(key.getWebAuthnCredentialData().getCredentialId());
                    return new FingerprintView(stored.getId(), stored.getUserLabel(), stored.getCreatedDate(),
                            enrolments.of(webAuthnId).orElse(null));
                })
                .toList();
    }

    private Response onUser(String userId, String below, String role, BiFunction<Caller, UserModel, Object> endpoint) {
        return api.answerOnUser(path(userId, below), role, userId, endpoint);
    }

    private static String path(String userId, String below) {
        return "users/" + userId + "/" + PATH + below;
    }
}
