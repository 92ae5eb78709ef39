package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.Audiences;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectKeycloakUrls;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.server.KeycloakUrls;
import org.keycloak.testframework.util.ApiUtil;

/**
 * A second realm on the same server that has not enabled the bundle's policies (`hipaa.policies.enabled`) keeps
 * Keycloak's own rules: its SCIM client keeps `manage-users` and can deactivate users. What stays global still
 * works there: disabling an account ends its sessions. The lifecycle clean-ups are not offered there.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class PoliciesOnlyWhereEnabledIT {

    private static final String REALM = "clinic-b";
    private static final String SCIM_CLIENT = "clinic-b-provisioning";
    private static final String SCIM_SECRET = "clinic-b-provisioning-secret";
    private static final String PORTAL = "clinic-b-portal";
    private static final String PASSWORD = "clinic-b-password-2026";

    @InjectAdminClient
    Keycloak admin;

    @InjectKeycloakUrls
    KeycloakUrls urls;

    private RealmResource realm;
    private String realmUrl;

    /** A realm as another team would create it, through the admin API, with SCIM enabled and no bundle attributes. */
    @BeforeEach
    void createTheOtherRealm() {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(REALM);
        rep.setEnabled(true);
        rep.setScimApiEnabled(true);
        admin.realms().create(rep);
        realm = admin.realm(REALM);
        realmUrl = urls.getBase() + "/realms/" + REALM;
        ScimClient.declareEmptyAnnotations(realm);
    }

    @AfterEach
    void deleteTheOtherRealm() {
        realm.remove();
    }

    @Test
    void scimClientOfARealmWithoutPoliciesKeepsManageUsersAndDeactivatesUsers() throws Exception {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(SCIM_CLIENT);
        client.setSecret(SCIM_SECRET);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        // its tokens also name the dormant-accounts API, so the refusal there is about the realm, not the token
        client.setProtocolMappers(List.of(ScimClient.audienceMapper(realmUrl), Audiences.mapper(BundleApi.DORMANT_ACCOUNTS.audience())));
        String clientId = ApiUtil.getCreatedId(realm.clients().create(client));
        UserResource serviceAccount = realm.users().get(realm.clients().get(clientId).getServiceAccountUser().getId());
        serviceAccount.roles().clientLevel(realmManagementId()).add(List.of(realmManagementRole("manage-users"), realmManagementRole("view-realm")));
        String userId = createUser("pat.jones");

        String token = Tokens.ofServiceAccount(realmUrl, SCIM_CLIENT, SCIM_SECRET).accessToken();

        HttpResponse<String> patched = new ScimClient(realmUrl, token).deactivate(userId);

        assertEquals(200, patched.statusCode(), patched.body());
        assertFalse(realm.users().get(userId).toRepresentation().isEnabled());
        assertTrue(serviceAccount.roles().clientLevel(realmManagementId()).listAll().stream().anyMatch(r -> "manage-users".equals(r.getName())),
                "the privileged-role guard leaves realms without the bundle's policies alone");
        HrFeed.assertRefused("not_configured", 503, new HrFeed(realmUrl).dormant(token));
    }

    @Test
    void adminApiDisableInARealmWithoutPoliciesStillEndsTheSessions() throws Exception {
        AuditTrail trail = AuditTrail.fromNow();
        ClientRepresentation portal = new ClientRepresentation();
        portal.setClientId(PORTAL);
        portal.setPublicClient(true);
        portal.setDirectAccessGrantsEnabled(true);
        portal.setStandardFlowEnabled(false);
        realm.clients().create(portal).close();
        String userId = createUser("pat.jones");
        assertEquals(200, signIn("pat.jones"));
        UserResource account = realm.users().get(userId);
        assertEquals(1, account.getUserSessions().size());

        UserRepresentation disabled = account.toRepresentation();
        disabled.setEnabled(false);
        account.update(disabled);

        assertTrue(account.getUserSessions().isEmpty(), "the session ended with the disable");
        assertEquals("admin-api", trail.single(r -> "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type")) && userId.equals(r.at("user.uid")))
                .at("unmapped.keycloak.details.revocation_trigger"));
    }

    private String createUser(String username) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setEmail(username + "@clinic-b.example");
        user.setEmailVerified(true);
        user.setFirstName("Pat");
        user.setLastName("Jones");
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        user.setCredentials(List.of(password));
        return ApiUtil.getCreatedId(realm.users().create(user));
    }

    /** A password sign-in through the portal: one online session. */
    private int signIn(String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + PORTAL + "&username=" + username
                        + "&password=" + PASSWORD))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private String realmManagementId() {
        return realm.clients().findByClientId("realm-management").get(0).getId();
    }

    private RoleRepresentation realmManagementRole(String name) {
        return realm.clients().get(realmManagementId()).roles().get(name).toRepresentation();
    }
}
