package org.hipaaiam.logoff.enforce;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.hipaaiam.core.server.ServerSideRequest;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.IdleOutcomes;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.keycloak.OAuthErrorException;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.refresh.DefaultRefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.InitialRefreshTokenContext;
import org.keycloak.representations.RefreshToken;

/**
 * Token refresh under the idle policies: refused with `invalid_grant` for a locked session (unlock at the sign-in
 * page) and for one idle past its terminate time (which is ended here, apps told); offline tokens of sessions at
 * a shared workstation are refused outright. A refresh is an app's timer, not the user: it never counts as activity.
 * The lock and the logoff are written in a transaction of their own, since the refused request's is rolled back.
 */
final class IdleRefreshTokenProvider extends DefaultRefreshTokenProvider {

    private final KeycloakSession session;

    IdleRefreshTokenProvider(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    /** First tokens are issued as stock. */
    @Override
    public boolean supports(InitialRefreshTokenContext context) {
        return false;
    }

    @Override
    protected TokenManager.TokenValidation validateToken(KeycloakSession session, UriInfo uriInfo, ClientConnection connection,
            RealmModel realm, RefreshToken oldToken, HttpHeaders headers, String oldTokenScope, ClientModel client,
            TokenManager tokenManager, EventBuilder event) throws OAuthErrorException {
        TokenManager.TokenValidation validation = super.validateToken(session, uriInfo, connection, realm, oldToken, headers, oldTokenScope,
                client, tokenManager, event);
        if (BundleScope.policiesApply(realm)) {
            refuseIfIdle(realm, validation.userSession, uriInfo.getBaseUri());
        }
        return validation;
    }

    private void refuseIfIdle(RealmModel realm, UserSessionModel userSession, URI baseUri) throws OAuthErrorException {
        SessionIdle idle = SessionIdle.of(session, realm, userSession);
        if (userSession.isOffline()) {
            if (idle.sessionClass().atWorkstation()) {
                throw new OAuthErrorException(OAuthErrorException.INVALID_GRANT, "Offline tokens are not allowed at shared workstations");
            }
            return;
        }
        IdleState state = idle.state(Time.currentTime());
        switch (state.status()) {
            case ACTIVE -> {
            }
            case LOCKED -> {
                inOwnTransaction(realm, userSession.getId(), baseUri, false);
                throw new OAuthErrorException(OAuthErrorException.INVALID_GRANT, "Session locked after inactivity: unlock it at the sign-in page");
            }
            case ENDED -> {
                inOwnTransaction(realm, userSession.getId(), baseUri, true);
                throw new OAuthErrorException(OAuthErrorException.INVALID_GRANT, "Session ended after inactivity: sign in again");
            }
        }
    }

    private void inOwnTransaction(RealmModel realm, String sessionId, URI baseUri, boolean end) {
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
            ServerSideRequest.enter(own.getContext(), baseUri);
            RealmModel ownRealm = own.realms().getRealm(realm.getId());
            own.getContext().setRealm(ownRealm);
            UserSessionModel userSession = own.sessions().getUserSession(ownRealm, sessionId);
            if (userSession == null) {
                return;
            }
            SessionIdle idle = SessionIdle.of(own, ownRealm, userSession);
            IdleState state = idle.state(Time.currentTime());
            if (end && state.status() == IdleState.Status.ENDED) {
                IdleOutcomes.end(own, ownRealm, idle, state, IdleOutcomes.Trigger.IDLE);
            } else if (state.status() == IdleState.Status.LOCKED) {
                IdleOutcomes.lock(own, ownRealm, idle, state, IdleOutcomes.Trigger.IDLE);
            }
        });
    }
}
