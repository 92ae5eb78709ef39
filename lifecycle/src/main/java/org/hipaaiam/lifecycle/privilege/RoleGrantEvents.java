package org.hipaaiam.lifecycle.privilege;

import java.util.Optional;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which admin events may have given a user a role: a realm or client role mapping added to the user
 * (`users/{id}/role-mappings/...`) or the user joining a group (`users/{id}/groups/{groupId}`).
 */
public final class RoleGrantEvents {

    private RoleGrantEvents() {
    }

    /** The id of the user who may have received a role. */
    public static Optional<String> grantee(AdminEvent event) {
        ResourceType type = event.getResourceType();
        boolean grantType = type == ResourceType.REALM_ROLE_MAPPING || type == ResourceType.CLIENT_ROLE_MAPPING
                || type == ResourceType.GROUP_MEMBERSHIP;
        if (!grantType || event.getOperationType() != OperationType.CREATE || event.getError() != null) {
            return Optional.empty();
        }
        return userIdIn(event.getResourcePath());
    }

    /** The segment after a leading `users` segment, if more follows it (group role mappings start with `groups`). */
    static Optional<String> userIdIn(String resourcePath) {
        if (resourcePath == null) {
            return Optional.empty();
        }
        String[] segments = resourcePath.split("/");
        if (segments.length < 3 || !"users".equals(segments[0]) || segments[1].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(segments[1]);
    }
}
