package org.hipaaiam.logoff.session;

import java.util.OptionalLong;
import org.hipaaiam.logoff.policy.IdlePolicy;

/**
 * Where a session stands under its idle policy at `now` (epoch seconds on Keycloak's clock). Both limits count
 * from the last user activity; a session once locked stays locked until it is unlocked, whatever is reported
 * after the lock time, and ends at the terminate time whether locked or not.
 *
 * @param lockAt when it locks (or locked), empty for a policy without a lock
 * @param endAt when it ends
 */
public record IdleState(Status status, long activeAt, OptionalLong lockAt, long endAt, long now) {

    public enum Status { ACTIVE, LOCKED, ENDED }

    public static IdleState of(IdlePolicy policy, long activeAt, OptionalLong lockedAt, long now) {
        long endAt = activeAt + policy.terminate().toSeconds();
        OptionalLong lockAt = lockedAt.isPresent() ? lockedAt
                : policy.lock().map(lock -> OptionalLong.of(activeAt + lock.toSeconds())).orElse(OptionalLong.empty());
        Status status = now >= endAt ? Status.ENDED
                : lockAt.isPresent() && now >= lockAt.getAsLong() ? Status.LOCKED : Status.ACTIVE;
        return new IdleState(status, activeAt, lockAt, endAt, now);
    }

    public long idleSeconds() {
        return Math.max(0, now - activeAt);
    }
}
