package org.hipaaiam.it.lifecycle;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import org.hipaaiam.it.support.Audiences;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/** A provisioning system using Keycloak's SCIM 2.0 API through the opt-in SCIM client `hr-scim`. */
final class ScimClient {

    static final String CLIENT_ID = "hr-scim";
    static final String SECRET = "hr-scim-test-secret";
    /** What Keycloak's SCIM needs: user management, and the realm's settings for discovery. */
    static final List<String> ROLES = List.of("manage-users", "view-users", "query-users", "view-realm");

    private final String realmUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** `token` must carry the realm's SCIM base URL in its audience. */
    ScimClient(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    /**
     * The opt-in SCIM client `hr-scim`, set up as docs/lifecycle.md says (created here unless the realm has it): a
     * confidential client with a service account, the realm's SCIM base URL in its tokens' audience, and the
     * realm-management roles SCIM needs on its service account.
     */
    static ScimClient provisioning(ManagedRealm realm) throws Exception {
        declareEmptyAnnotations(realm.admin());
        if (realm.admin().clients().findByClientId(CLIENT_ID).isEmpty()) {
            ClientRepresentation client = new ClientRepresentation();
            client.setClientId(CLIENT_ID);
            client.setSecret(SECRET);
            client.setPublicClient(false);
            client.setServiceAccountsEnabled(true);
            client.setStandardFlowEnabled(false);
            client.setDirectAccessGrantsEnabled(false);
            client.setProtocolMappers(List.of(audienceMapper(realm.getBaseUrl())));
            String id = ApiUtil.getCreatedId(realm.admin().clients().create(client));
            UserResource serviceAccount = realm.admin().users().get(realm.admin().clients().get(id).getServiceAccountUser().getId());
            String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
            serviceAccount.roles().clientLevel(realmManagement).add(ROLES.stream()
                    .map(role -> realm.admin().clients().get(realmManagement).roles().get(role).toRepresentation()).toList());
        }
        return new ScimClient(realm.getBaseUrl(), Tokens.ofServiceAccount(realm.getBaseUrl(), CLIENT_ID, SECRET).accessToken());
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

    /** The token this client calls SCIM with. */
    String token() {
        return token;
    }

    /** Any SCIM request below `/scim/v2`, such as `PATCH /Users/{id}` or `POST /Groups`. */
    HttpResponse<String> send(String method, String path, String body) throws Exception {
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
