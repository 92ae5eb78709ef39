package org.hipaaiam.lifecycle.guard;

import java.util.List;
import java.util.Optional;

/**
 * A request path the guard looks at: Keycloak's admin API (`admin/realms/{realm}/...`) or an endpoint of a realm
 * (`realms/{realm}/{api}/...`: the bundle's APIs, SCIM, the protocol and account endpoints). Segments are decoded
 * and empty ones dropped, so `admin//realms/x` reads as the router may match it.
 */
record GuardedPath(boolean admin, String realm, List<String> rest) {

    /** What the audit record names as the API of an admin-API request. */
    static final String ADMIN_API = "admin";

    static Optional<GuardedPath> of(List<String> decodedSegments) {
        List<String> segments = decodedSegments.stream().filter(segment -> !segment.isEmpty()).toList();
        if (segments.size() >= 3 && "admin".equals(segments.get(0)) && "realms".equals(segments.get(1))) {
            return Optional.of(new GuardedPath(true, segments.get(2), segments.subList(3, segments.size())));
        }
        if (segments.size() >= 2 && "admin".equals(segments.get(0)) && "realms".equals(segments.get(1))) {
            return Optional.of(new GuardedPath(true, null, List.of()));
        }
        if (segments.size() >= 3 && "realms".equals(segments.get(0))) {
            return Optional.of(new GuardedPath(false, segments.get(1), segments.subList(2, segments.size())));
        }
        return Optional.empty();
    }

    /** `admin` for the admin API, else the first segment after the realm (`hr-feed`, `scim`, `protocol`, ...). */
    String api() {
        return admin ? ADMIN_API : rest.get(0);
    }

    /** Whether this is the realm's endpoint `api` (not the admin API). */
    boolean isRealmApi(String realmName, String api) {
        return !admin && realm.equals(realmName) && rest.get(0).equals(api);
    }

    /** The segments below {@link #api()}. */
    List<String> belowApi() {
        return admin ? rest : rest.subList(1, rest.size());
    }

    /** The path below the API, as audit records name it (`users/{id}/reset-password`). */
    String pathBelowApi() {
        return String.join("/", belowApi());
    }
}
