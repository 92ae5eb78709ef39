package org.hipaaiam.lifecycle.privilege;

import java.util.Optional;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which admin events may have given a user a role: a realm or client role mapping added to the user
 * (`users/{id}/role-mappings/...`) or the user joining a group (`users/{id}/groups/{groupId}`), and which
 * may have given a group a role that its members then inherit.
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

    /** The id of the group that may have received a role (`groups/{id}/role-mappings/...`). */
    public static Optional<String> groupGrantee(AdminEvent event) {
        ResourceType type = event.getResourceType();
        boolean roleMapping = type == ResourceType.REALM_ROLE_MAPPING || type == ResourceType.CLIENT_ROLE_MAPPING;
        if (!roleMapping || event.getOperationType() != OperationType.CREATE || event.getError() != null || event.getResourcePath() == null) {
            return Optional.empty();
        }
        String[] segments = event.getResourcePath().split("/");
        if (segments.length < 3 || !"groups".equals(segments[0]) || segments[1].isEmpty() || !"role-mappings".equals(segments[2])) {
            return Optional.empty();
        }
        return Optional.of(segments[1]);
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
