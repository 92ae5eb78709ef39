package org.hipaaiam.lifecycle.revocation;

/** One account a clean-up disabled: why, and how many sessions ended with it. */
public record DisabledAccount(String username, String reason, int onlineSessionsEnded, int offlineSessionsEnded) {
}
