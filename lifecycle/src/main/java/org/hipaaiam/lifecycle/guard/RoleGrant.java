package org.hipaaiam.lifecycle.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An admin-API request that gives an account roles, read before Keycloak runs it: role mappings added to
 * `users/{id}/role-mappings/realm` or `.../clients/{client}` (a JSON array of roles, each named by `id` or `name`),
 * or the account joining `users/{id}/groups/{group}`. Removals and reads are none of these.
 *
 * @param clientId the client's id (not its clientId) for client roles; null for realm roles and groups
 * @param roles the roles named, each by id or name; empty for a group
 * @param groupId the group joined; null for role mappings
 */
record RoleGrant(String userId, String clientId, List<RoleName> roles, String groupId) {

    /** A role as the request names it: by `id`, else by `name`. */
    record RoleName(String id, String name) {
    }

    /** `adminPath` is below `admin/realms/{realm}/`; `body` is read only for role mappings. */
    static Optional<RoleGrant> of(String method, List<String> adminPath, Supplier<JsonNode> body) {
        if (adminPath.size() < 4 || !"users".equals(adminPath.get(0))) {
            return Optional.empty();
        }
        String userId = adminPath.get(1);
        String what = adminPath.get(2);
        if ("groups".equals(what) && "PUT".equals(method) && adminPath.size() == 4) {
            return Optional.of(new RoleGrant(userId, null, List.of(), adminPath.get(3)));
        }
        if (!"role-mappings".equals(what) || !"POST".equals(method)) {
            return Optional.empty();
        }
        boolean realmRoles = adminPath.size() == 4 && "realm".equals(adminPath.get(3));
        boolean clientRoles = adminPath.size() == 5 && "clients".equals(adminPath.get(3));
        if (!realmRoles && !clientRoles) {
            return Optional.empty();
        }
        List<RoleName> roles = new ArrayList<>();
        for (JsonNode role : body.get()) {
            roles.add(new RoleName(text(role, "id"), text(role, "name")));
        }
        return Optional.of(new RoleGrant(userId, clientRoles ? adminPath.get(4) : null, List.copyOf(roles), null));
    }

    private static String text(JsonNode role, String field) {
        JsonNode value = role.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
