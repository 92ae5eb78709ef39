package org.hipaaiam.logoff.enforce;

import jakarta.ws.rs.core.Response;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.IdleState;
import org.hipaaiam.logoff.session.SessionIdle;
import org.keycloak.OAuthErrorException;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.UserInfoRequestContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Userinfo under the idle policies: an access token issued before its session locked (or passed its terminate
 * time) is refused there with `invalid_token`, though it has not expired. Only refuses: the lock and the logoff are
 * recorded by the next refresh, SSO reuse, status call or sweep.
 */
final class IdleUserInfoExecutor implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    private final KeycloakSession session;

    IdleUserInfoExecutor(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() != ClientPolicyEvent.USERINFO_REQUEST) {
            return;
        }
        AuthenticatedClientSessionModel clientSession = ((UserInfoRequestContext) context).getClientSession();
        RealmModel realm = session.getContext().getRealm();
        if (clientSession == null || clientSession.getUserSession().isOffline() || !BundleScope.policiesApply(realm)) {
            return;
        }
        IdleState state = SessionIdle.of(session, realm, clientSession.getUserSession()).state(Time.currentTime());
        if (state.status() != IdleState.Status.ACTIVE) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_TOKEN, state.status() == IdleState.Status.LOCKED
                    ? "Session locked after inactivity" : "Session ended after inactivity", Response.Status.UNAUTHORIZED);
        }
    }

    @Override
    public String getProviderId() {
        return IdleUserInfoExecutorFactory.ID;
    }
}
