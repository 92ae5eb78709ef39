package org.hipaaiam.logoff.enforce;

import java.util.List;
import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** `hipaa-idle-userinfo`: the client-policy executor the shipped realm's `hipaa idle policies` policy runs for every client. */
public final class IdleUserInfoExecutorFactory implements ClientPolicyExecutorProviderFactory, StatelessFactory<ClientPolicyExecutorProvider> {

    public static final String ID = "hipaa-idle-userinfo";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public ClientPolicyExecutorProvider create(KeycloakSession session) {
        return new IdleUserInfoExecutor(session);
    }

    @Override
    public String getHelpText() {
        return "Refuses userinfo for access tokens of sessions locked or ended by the HIPAA idle policies.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
