package org.hipaaiam.it.support;

import java.util.Map;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

/** Audience mappers a test puts on a client, so that its access tokens name an API (the bundle's, or SCIM). */
public final class Audiences {

    private Audiences() {
    }

    /** An `oidc-audience-mapper` adding `audience` to the client's access tokens. */
    public static ProtocolMapperRepresentation mapper(String audience) {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName(audience + " audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", audience, "access.token.claim", "true"));
        return mapper;
    }
}
