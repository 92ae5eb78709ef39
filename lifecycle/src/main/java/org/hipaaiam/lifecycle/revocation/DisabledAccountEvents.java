package org.hipaaiam.lifecycle.revocation;

import java.util.Map;
import java.util.Optional;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;

/**
 * Which admin events may have disabled an account: a USER update through the admin REST API (`users/{id}`)
 * or SCIM (`.../scim/v2/Users/{id}`). The HR feed's own updates (detail `source=hr-feed`) are left out: the
 * feed ends sessions itself and reports the counts. The caller still checks that the account is disabled now.
 */
public final class DisabledAccountEvents {

    /** Admin-event detail the HR feed sets on the updates it makes. */
    public static final String SOURCE_DETAIL = "source";

    public record Candidate(String userId, DisableTrigger trigger) {
    }

    private DisabledAccountEvents() {
    }

    public static Optional<Candidate> candidate(AdminEvent event) {
        if (event.getResourceType() != ResourceType.USER || event.getOperationType() != OperationType.UPDATE
                || event.getError() != null || isFromHrFeed(event.getDetails())) {
            return Optional.empty();
        }
        DisableTrigger trigger = event.getResourcePath().toLowerCase().contains("scim/") ? DisableTrigger.SCIM : DisableTrigger.ADMIN_API;
        return userIdIn(event.getResourcePath()).map(userId -> new Candidate(userId, trigger));
    }

    /** The segment after the last `users` segment (any case), if nothing but the id follows it. */
    static Optional<String> userIdIn(String resourcePath) {
        if (resourcePath == null) {
            return Optional.empty();
        }
        String[] segments = resourcePath.split("/");
        int last = segments.length - 1;
        if (last < 1 || segments[last].isEmpty() || !"users".equalsIgnoreCase(segments[last - 1])) {
            return Optional.empty();
        }
        return Optional.of(segments[last]);
    }

    private static boolean isFromHrFeed(Map<String, String> details) {
        return details != null && DisableTrigger.HR_FEED.label().equals(details.get(SOURCE_DETAIL));
    }
}
