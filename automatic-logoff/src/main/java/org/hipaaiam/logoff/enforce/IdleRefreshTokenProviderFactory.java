package org.hipaaiam.logoff.enforce;

import org.hipaaiam.core.provider.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProvider;
import org.keycloak.protocol.oidc.refresh.RefreshTokenProviderFactory;

/**
 * Keycloak 26.7's internal `refresh-token` SPI (pinned to 26.7.x; checked by the tests on every upgrade): the
 * highest order whose provider supports a refresh handles it. Order 5 is above the stock provider (0) and below
 * OID4VCI's (10), which keeps its own refreshes.
 */
public final class IdleRefreshTokenProviderFactory implements RefreshTokenProviderFactory, StatelessFactory<RefreshTokenProvider> {

    public static final String ID = "hipaa-idle";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public int order() {
        return 5;
    }

    @Override
    public RefreshTokenProvider create(KeycloakSession session) {
        return new IdleRefreshTokenProvider(session);
    }
}
