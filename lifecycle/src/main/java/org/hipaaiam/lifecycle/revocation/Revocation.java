package org.hipaaiam.lifecycle.revocation;

/** What one revocation ended: online sessions (each back-channel logged out) and offline sessions. */
public record Revocation(int onlineSessions, int offlineSessions) {
}
