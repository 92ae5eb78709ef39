package org.hipaaiam.it.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.realm.ManagedRealm;

/** An HR system using Keycloak's SCIM 2.0 API as the `hr-feed` service account. */
final class ScimClient {

    private final ManagedRealm realm;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private ScimClient(ManagedRealm realm, String token) {
        this.realm = realm;
        this.token = token;
    }

    /** SCIM wants its base URL in the token audience; the HR service account gets it here. */
    static ScimClient asHrFeed(ManagedRealm realm) throws Exception {
        declareEmptyAnnotations(realm);
        ClientRepresentation hrFeed = realm.admin().clients().findByClientId(DemoRealm.HR_FEED).get(0);
        ProtocolMapperRepresentation audience = new ProtocolMapperRepresentation();
        audience.setName("scim audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.custom.audience", realm.getBaseUrl() + "/scim/v2", "access.token.claim", "true"));
        realm.admin().clients().get(hrFeed.getId()).getProtocolMappers().createMapper(audience).close();
        return new ScimClient(realm, Tokens.ofServiceAccount(realm.getBaseUrl(), DemoRealm.HR_FEED, DemoRealm.HR_FEED_SECRET).accessToken());
    }

    HttpResponse<String> deactivate(String userId) throws Exception {
        return send("PATCH", "/Users/" + userId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "replace", "path": "active", "value": false}]}""");
    }

    HttpResponse<String> createUser(String userName) throws Exception {
        return send("POST", "/Users", "{\"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"" + userName
                + "\", \"active\": true}");
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/scim/v2" + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/scim+json")
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Keycloak 26.7.3's SCIM user schema fails (NullPointerException, HTTP 500) on user-profile attributes without
     * annotations. The shipped realm declares empty ones; they are set here too because the shared local Maven
     * repository may hold another build's realm export.
     */
    private static void declareEmptyAnnotations(ManagedRealm realm) {
        UPConfig profile = realm.admin().users().userProfile().getConfiguration();
        profile.getAttributes().stream().filter(a -> a.getAnnotations() == null).forEach(a -> a.setAnnotations(new HashMap<>()));
        realm.admin().users().userProfile().update(profile);
    }
}
