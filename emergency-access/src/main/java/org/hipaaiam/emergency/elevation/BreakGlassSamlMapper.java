package org.hipaaiam.emergency.elevation;

import java.util.List;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * States active emergency access in SAML assertions: the OASIS XSPA purpose-of-use attribute with `BTG`, the
 * elevation's end (epoch seconds) and its case id. Nothing after expiry. No role value: Keycloak's role list
 * mapper writes the one `Role` attribute after every attribute mapper, and a second one is invalid SAML.
 */
public final class BreakGlassSamlMapper extends AbstractSAMLProtocolMapper implements BreakGlassMapper, SAMLAttributeStatementMapper {

    public static final String ID = "hipaa-break-glass-saml-mapper";
    /** OASIS Cross-Enterprise Security and Privacy Authorization (XSPA) profile of SAML: purpose of use. */
    public static final String PURPOSE_OF_USE = "urn:oasis:names:tc:xspa:1.0:subject:purposeofuse";
    public static final String UNTIL = "urn:hipaaiam:emergency-access:until";
    public static final String CASE_ID = "urn:hipaaiam:emergency-access:case-id";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return "Attribute statement mapper";
    }

    @Override
    public String statement() {
        return "XSPA purpose of use BTG, its end and case id";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void transformAttributeStatement(AttributeStatementType attributeStatement, ProtocolMapperModel mappingModel,
            KeycloakSession session, UserSessionModel userSession, AuthenticatedClientSessionModel clientSession) {
        elevationOf(userSession).ifPresent(elevation -> {
            add(attributeStatement, PURPOSE_OF_USE, Elevation.PURPOSE_OF_USE);
            add(attributeStatement, UNTIL, Long.toString(elevation.until()));
            add(attributeStatement, CASE_ID, elevation.caseId());
        });
    }

    private static void add(AttributeStatementType statement, String name, String value) {
        AttributeType attribute = new AttributeType(name);
        attribute.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
        attribute.addAttributeValue(value);
        statement.addAttribute(new AttributeStatementType.ASTChoiceType(attribute));
    }
}
