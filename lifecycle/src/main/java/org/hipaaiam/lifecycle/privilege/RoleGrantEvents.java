package org.hipaaiam.lifecycle.privilege;

import java.util.Optional;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which admin events may have given a user a role: a realm or client role mapping added to the user
 * (`users/{id}/role-mappings/...`) or the user joining a group (`users/{id}/groups/{groupId}`), which
 * may have given a group a role that its members then inherit, and which may have put a role into a composite
 * role that its holders then hold too.
 */
public final class RoleGrantEvents {

    /**
     * The composite role that received roles: a realm role by name (`roles/{name}/composites`), any role by id
     * (`roles-by-id/{id}/composites`) or a client's role by name (`clients/{clientUuid}/roles/{name}/composites`).
     */
    public record CompositeRole(String clientUuid, String name, String id) {
    }

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

    /** The composite role roles were added to. */
    public static Optional<CompositeRole> compositeGrantee(AdminEvent event) {
        ResourceType type = event.getResourceType();
        boolean role = type == ResourceType.REALM_ROLE || type == ResourceType.CLIENT_ROLE;
        if (!role || event.getOperationType() != OperationType.CREATE || event.getError() != null || event.getResourcePath() == null) {
            return Optional.empty();
        }
        String[] segments = event.getResourcePath().split("/");
        if (segments.length == 3 && "composites".equals(segments[2]) && !segments[1].isEmpty()) {
            return switch (segments[0]) {
                case "roles" -> Optional.of(new CompositeRole(null, segments[1], null));
                case "roles-by-id" -> Optional.of(new CompositeRole(null, null, segments[1]));
                default -> Optional.empty();
            };
        }
        if (segments.length == 5 && "clients".equals(segments[0]) && "roles".equals(segments[2]) && "composites".equals(segments[4])
                && !segments[1].isEmpty() && !segments[3].isEmpty()) {
            return Optional.of(new CompositeRole(segments[1], segments[3], null));
        }
        return Optional.empty();
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
