package org.hipaaiam.logoff.enforce;

import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.CookieAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * `hipaa-idle-cookie`, in place of `auth-cookie`: SSO reuse of a session within its idle policy works as stock; a
 * locked session is not reused but unlocked: its user is set and the sign-in steps that follow ask only for the
 * factor; a session idle past its terminate time is ended (apps told) and the person signs in afresh.
 */
final class IdleCookieAuthenticator extends CookieAuthenticator {

    /** Auth note: the id of the locked session this sign-in unlocks. */
    static final String UNLOCKING = "hipaa.idle.unlocking";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!BundleScope.policiesApply(context.getRealm())) {
            super.authenticate(context);
            return;
        }
        AuthenticationManager.AuthResult cookie = AuthenticationManager.authenticateIdentityCookie(context.getSession(), context.getRealm(), true);
        if (cookie == null) {
            context.attempted();
            return;
        }
        SessionIdle idle = SessionIdle.of(context.getSession(), context.getRealm(), cookie.getSession());
        IdleState state = idle.state(Time.currentTime());
        switch (state.status()) {
            case ACTIVE -> super.authenticate(context);
            case LOCKED -> {
                IdleOutcomes.lock(context.getSession(), context.getRealm(), idle, state, IdleOutcomes.Trigger.IDLE);
                AuthenticationSessionModel authSession = context.getAuthenticationSession();
                authSession.setAuthNote(UNLOCKING, cookie.getSession().getId());
                authSession.setAuthNote(AuthenticationManager.FORCED_REAUTHENTICATION, "true");
                context.setUser(cookie.getUser());
                context.setForwardedInfoMessage("hipaaSessionLocked");
                context.attempted();
            }
            case ENDED -> {
                IdleOutcomes.end(context.getSession(), context.getRealm(), idle, state, IdleOutcomes.Trigger.IDLE);
                AuthenticationManager.expireIdentityCookie(context.getSession());
                context.setForwardedInfoMessage("hipaaSessionEndedIdle");
                context.attempted();
            }
        }
    }
}
