package org.hipaaiam.logoff.status;

import java.util.Locale;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;

/**
 * What an app (through the idle-lock script) learns of its user's session: `active`, `locked` or `ended`, when it
 * locks and ends (epoch seconds on the server's clock, with the server's `now` so a page can count down without
 * trusting the workstation's clock), the last activity they count from, its class and policy.
 */
public record SessionStatus(String state, String sessionClass, String policy, Long activeAt, Long lockAt, Long endAt, long now) {

    static SessionStatus of(SessionIdle idle, IdleState state) {
        return new SessionStatus(state.status().name().toLowerCase(Locale.ROOT), idle.sessionClass().note(),
                idle.policy().text(), state.activeAt(), state.lockAt().isPresent() ? state.lockAt().getAsLong() : null, state.endAt(), state.now());
    }

    static SessionStatus ended(long now) {
        return new SessionStatus("ended", null, null, null, null, null, now);
    }
}
