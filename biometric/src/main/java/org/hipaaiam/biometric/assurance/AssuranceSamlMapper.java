package org.hipaaiam.biometric.assurance;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keycloak.authentication.authenticators.util.LoAUtil;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextClassRefType;
import org.keycloak.dom.saml.v2.assertion.AuthnContextType;
import org.keycloak.dom.saml.v2.assertion.AuthnStatementType;
import org.keycloak.dom.saml.v2.assertion.StatementAbstractType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.utils.AcrUtils;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.protocol.saml.mappers.SAMLLoginResponseMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * `hipaa-assurance-saml-mapper`: what OIDC tokens say in `acr` and `amr`, in the SAML assertion: the assurance level
 * this sign-in reached as the AuthnStatement's AuthnContextClassRef (named by the realm's `acr.loa.map`, as in OIDC;
 * a sign-in through SSO reached no level of its own and keeps Keycloak's `unspecified`), and the RFC 8176 methods as
 * the attribute {@value #AMR}.
 */
public final class AssuranceSamlMapper extends AbstractSAMLProtocolMapper implements SAMLLoginResponseMapper, SAMLAttributeStatementMapper {

    public static final String ID = "hipaa-assurance-saml-mapper";
    public static final String AMR = "urn:hipaaiam:amr";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Assurance level and methods (HIPAA)";
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute statement mapper";
    }

    @Override
    public String getHelpText() {
        return "AuthnContextClassRef from the sign-in's assurance level (acr.loa.map) and the amr methods as an attribute.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public ResponseType transformLoginResponse(ResponseType response, ProtocolMapperModel mappingModel, KeycloakSession session,
            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        AuthenticatedClientSessionModel clientSession = clientSessionCtx.getClientSession();
        if (AuthenticationManager.isSSOAuthentication(clientSession)) {
            return response;
        }
        int level = LoAUtil.getCurrentLevelOfAuthentication(clientSession);
        Optional<String> named = AcrUtils.getAcrLoaMap(clientSession.getClient()).entrySet().stream()
                .filter(entry -> entry.getValue() == level).map(Map.Entry::getKey).sorted().findFirst();
        if (named.isEmpty()) {
            return response;
        }
        String acr = named.get();
        for (ResponseType.RTChoiceType choice : response.getAssertions()) {
            if (choice.getAssertion() == null) {
                continue;
            }
            for (StatementAbstractType statement : choice.getAssertion().getStatements()) {
                if (statement instanceof AuthnStatementType authn) {
                    AuthnContextType.AuthnContextTypeSequence sequence = new AuthnContextType.AuthnContextTypeSequence();
                    sequence.setClassRef(new AuthnContextClassRefType(URI.create(acr)));
                    AuthnContextType context = new AuthnContextType();
                    context.setSequence(sequence);
                    authn.setAuthnContext(context);
                }
            }
        }
        return response;
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType attributeStatement, ProtocolMapperModel mappingModel,
            KeycloakSession session, UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        List<String> amr = ProvenAmrMapper.of(clientSession, userSession.getRealm());
        if (amr.isEmpty()) {
            return;
        }
        AttributeType attribute = new AttributeType(AMR);
        attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
        amr.forEach(attribute::addAttributeValue);
        attributeStatement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
    }
}
