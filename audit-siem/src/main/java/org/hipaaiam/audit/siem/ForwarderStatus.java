package org.hipaaiam.audit.siem;

/**
 * A snapshot for monitoring.
 *
 * @param connected whether a TLS connection to the receiver is open
 * @param recordsSent record messages written to a connection since start, resends after a failure included
 * @param checkpointsSent checkpoint messages written to a connection since start
 * @param entriesBehind records covered by the newest checkpoint on disk and not yet sent
 * @param lastError the most recent failure, or null if there was none
 */
public record ForwarderStatus(boolean connected, long recordsSent, long checkpointsSent, long entriesBehind,
                              String lastError) {
}
