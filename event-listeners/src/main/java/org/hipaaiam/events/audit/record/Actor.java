package org.hipaaiam.events.audit.record;

import java.util.List;

/**
 * Who acted, as far as the server knows at the time of the event: the account, its realm roles, the SSO
 * session and the authentication methods (RFC 8176 amr values) completed in it.
 */
public record Actor(String userId, String username, List<String> roles, String sessionId, List<String> amr) {

    public static final Actor UNKNOWN = new Actor(null, null, List.of(), null, List.of());

    public Actor {
        roles = roles == null ? List.of() : List.copyOf(roles);
        amr = amr == null ? List.of() : List.copyOf(amr);
    }
}
