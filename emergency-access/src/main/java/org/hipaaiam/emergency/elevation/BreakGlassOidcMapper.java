package org.hipaaiam.emergency.elevation;

import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.OIDCIDTokenMapper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * States active emergency access in OIDC tokens: `purpose_of_use` = `BTG`, an `emergency_access` object
 * (until, reason code, case id) and the `emergency-access` realm role. A token never outlives the elevation:
 * its `exp` is capped at the elevation's end, and tokens minted after it carry none of this.
 */
public final class BreakGlassOidcMapper extends AbstractOIDCProtocolMapper
        implements BreakGlassMapper, OIDCAccessTokenMapper, OIDCIDTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String ID = "hipaa-break-glass-oidc-mapper";
    public static final String PURPOSE_OF_USE_CLAIM = "purpose_of_use";
    public static final String EMERGENCY_ACCESS_CLAIM = "emergency_access";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, BreakGlassOidcMapper.class);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String statement() {
        return "purpose_of_use BTG, emergency_access, role emergency-access";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
            ClientSessionContext clientSessionCtx) {
        elevationOf(userSession).ifPresent(elevation -> {
            token.getOtherClaims().put(PURPOSE_OF_USE_CLAIM, Elevation.PURPOSE_OF_USE);
            token.getOtherClaims().put(EMERGENCY_ACCESS_CLAIM, EmergencyAccessClaim.of(elevation));
            if (token instanceof AccessToken accessToken) {
                if (accessToken.getRealmAccess() == null) {
                    accessToken.setRealmAccess(new AccessToken.Access());
                }
                accessToken.getRealmAccess().addRole(Elevation.ROLE);
            }
            if (token.getExp() == null || token.getExp() > elevation.until()) {
                token.exp(elevation.until());
            }
        });
    }
}
