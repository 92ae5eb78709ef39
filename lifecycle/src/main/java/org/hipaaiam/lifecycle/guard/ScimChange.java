package org.hipaaiam.lifecycle.guard;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What SCIM may not change: credentials, roles and group memberships (groups carry roles). SCIM provisions and
 * deprovisions accounts; who may do what stays with the realm's administrators. A write to `Users` is refused when
 * it sets one of those attributes (at the top level, or through a PATCH operation's path or value); every write to
 * anything else (`Groups`, `Bulk`) is refused. Attribute names are compared ignoring case, as SCIM does.
 */
final class ScimChange {

    static final String REASON_ATTRIBUTE = "SCIM changes no credentials, roles or group memberships; attribute ";
    static final String REASON_RESOURCE = "SCIM does not change groups or anything but user accounts; resource ";

    private static final Set<String> FORBIDDEN = Set.of("password", "groups", "roles", "entitlements", "x509certificates");
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private ScimChange() {
    }

    /**
     * Why the request is refused, or empty. `scimPath` is below `scim/` (`v2/Users/{id}`); `body` is the parsed body
     * (null when there is none).
     */
    static Optional<String> refusal(String method, List<String> scimPath, JsonNode body) {
        if (READS.contains(method)) {
            return Optional.empty();
        }
        String resource = scimPath.size() < 2 ? "" : scimPath.get(1);
        if (!"users".equals(resource.toLowerCase(Locale.ROOT))) {
            return Optional.of(REASON_RESOURCE + (resource.isEmpty() ? "(none)" : resource));
        }
        if (body == null) {
            return Optional.empty();
        }
        Optional<String> direct = forbiddenMember(body);
        if (direct.isPresent()) {
            return direct.map(name -> REASON_ATTRIBUTE + name);
        }
        for (JsonNode operation : body.path("Operations").isArray() ? body.path("Operations") : body.path("operations")) {
            Optional<String> changed = attributeOf(operation.path("path").asText(""))
                    .or(() -> forbiddenMember(operation.path("value")));
            if (changed.isPresent()) {
                return changed.map(name -> REASON_ATTRIBUTE + name);
            }
        }
        return Optional.empty();
    }

    /** A forbidden attribute set at the top level of an object (a user, a PATCH value), also inside an extension. */
    private static Optional<String> forbiddenMember(JsonNode object) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            Optional<String> forbidden = attributeOf(name);
            if (forbidden.isPresent()) {
                return forbidden;
            }
            if (name.toLowerCase(Locale.ROOT).startsWith("urn:") && object.get(name).isObject()) {
                forbidden = forbiddenMember(object.get(name));
                if (forbidden.isPresent()) {
                    return forbidden;
                }
            }
        }
        return Optional.empty();
    }

    /** The attribute a name or PATCH path addresses: `groups`, `groups[value eq "x"]`, `urn:...:User:password`. */
    private static Optional<String> attributeOf(String nameOrPath) {
        String attribute = nameOrPath.trim().toLowerCase(Locale.ROOT);
        int filter = attribute.indexOf('[');
        if (filter >= 0) {
            attribute = attribute.substring(0, filter);
        }
        if (attribute.startsWith("urn:")) {
            attribute = attribute.substring(attribute.lastIndexOf(':') + 1);
        }
        int subAttribute = attribute.indexOf('.');
        if (subAttribute >= 0) {
            attribute = attribute.substring(0, subAttribute);
        }
        return FORBIDDEN.contains(attribute) ? Optional.of(attribute) : Optional.empty();
    }
}
