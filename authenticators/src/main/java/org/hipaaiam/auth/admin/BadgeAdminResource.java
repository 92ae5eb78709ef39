package org.hipaaiam.auth.admin;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.hipaaiam.core.api.ApiRequest;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;

/**
 * `/realms/{realm}/hipaa-badge-admin/`: the workstation registry ({@link WorkstationsResource}) and a user's badge
 * and PIN ({@link UserBadgeResource}), for callers holding the realm-management roles each endpoint names.
 * Changes are admin events; refusals answer `{"error", "reason"}`, change nothing and are audited as
 * `hipaa_event=api-refused`. No answer or record ever contains a badge number or PIN.
 */
public final class BadgeAdminResource {

    private final KeycloakSession session;
    private final ApiRequest api;

    BadgeAdminResource(KeycloakSession session) {
        this.session = session;
        this.api = new ApiRequest(session, BundleApi.BADGE_ADMIN);
    }

    @Path("workstations")
    public WorkstationsResource workstations() {
        return new WorkstationsResource(session, api);
    }

    @Path("users/{userId}")
    public UserBadgeResource user(@PathParam("userId") String userId) {
        return new UserBadgeResource(session, api, userId);
    }

    /** A change made through this API, as an admin event by the caller at `hipaa-badge-admin/{path}`. */
    static void recordChange(Caller caller, OperationType operation, ResourceType type, String path, Object representation) {
        caller.adminEvent()
                .operation(operation)
                .resource(type)
                .resourcePath(BundleApi.BADGE_ADMIN.path(), path)
                .representation(representation)
                .success();
    }
}
