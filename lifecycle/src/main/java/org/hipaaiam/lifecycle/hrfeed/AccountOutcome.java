package org.hipaaiam.lifecycle.hrfeed;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What an HR notice did to one account; the session counts only where it ended them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountOutcome(String username, boolean enabled, Integer onlineSessionsEnded, Integer offlineSessionsEnded) {

    static AccountOutcome unchanged(String username, boolean enabled) {
        return new AccountOutcome(username, enabled, null, null);
    }
}
