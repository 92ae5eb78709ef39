package org.hipaaiam.it.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import org.hipaaiam.it.support.Audiences;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.realm.ManagedRealm;

/** A provisioning system using Keycloak's SCIM 2.0 API, such as the HR system as the `hr-feed` service account. */
final class ScimClient {

    private final String realmUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** `token` must carry the realm's SCIM base URL in its audience. */
    ScimClient(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    /** SCIM wants its base URL in the token audience; the HR service account gets it here. */
    static ScimClient asHrFeed(ManagedRealm realm) throws Exception {
        declareEmptyAnnotations(realm.admin());
        ClientRepresentation hrFeed = realm.admin().clients().findByClientId(DemoRealm.HR_FEED).get(0);
        realm.admin().clients().get(hrFeed.getId()).getProtocolMappers().createMapper(audienceMapper(realm.getBaseUrl())).close();
        return new ScimClient(realm.getBaseUrl(), Tokens.ofServiceAccount(realm.getBaseUrl(), DemoRealm.HR_FEED, DemoRealm.HR_FEED_SECRET).accessToken());
    }

    /** Puts the realm's SCIM base URL into a client's access tokens. */
    static ProtocolMapperRepresentation audienceMapper(String realmUrl) {
        return Audiences.mapper(realmUrl + "/scim/v2");
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
        return http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/scim/v2" + path))
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
    static void declareEmptyAnnotations(RealmResource realm) {
        UPConfig profile = realm.users().userProfile().getConfiguration();
        profile.getAttributes().stream().filter(a -> a.getAnnotations() == null).forEach(a -> a.setAnnotations(new HashMap<>()));
        realm.users().userProfile().update(profile);
    }
}
