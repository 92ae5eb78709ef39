package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.util.ApiUtil;

/**
 * SCIM provisioning through the opt-in client `hr-scim`: Keycloak's SCIM needs user management over every user,
 * so the bundle lets that client's service account hold it and accepts its token only on the SCIM path, and SCIM
 * changes no password, role or group membership, whoever calls it.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class ScimProvisioningClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void theScimClientCreatesAndDeactivatesAccounts() throws Exception {
        ScimClient scim = ScimClient.provisioning(realm);
        String serviceAccountId = scene.user("service-account-" + ScimClient.CLIENT_ID).getId();
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        assertTrue(realm.admin().users().get(serviceAccountId).roles().clientLevel(realmManagement).listAll().stream()
                .anyMatch(role -> "manage-users".equals(role.getName())), "the SCIM client keeps the user management SCIM needs");

        String newcomer = "svc-scim-" + Accounts.newEmployeeNumber();
        HttpResponse<String> created = scim.createUser(newcomer);
        assertEquals(201, created.statusCode(), created.body());
        Accounts.Account leaver = Accounts.withoutCredentials(realm, "kdiaz", Map.of());
        HttpResponse<String> deactivated = scim.deactivate(leaver.id());

        assertEquals(200, deactivated.statusCode(), deactivated.body());
        assertFalse(scene.user(leaver.username()).isEnabled());
        assertEquals(1, realm.admin().users().search(newcomer, true).size());
    }

    @Test
    void theScimTokenIsRefusedEverywhereButScim() throws Exception {
        AdminApi scimToken = scene.adminApi(ScimClient.provisioning(realm).token());
        String clinicianId = scene.user(DemoRealm.OTHER_CLINICIAN).getId();
        Long passwordSetAt = scene.passwordSetAt(DemoRealm.OTHER_CLINICIAN);

        HrFeed.assertRefused("token_confined", 403, scimToken.admin("GET", "users", null));
        HrFeed.assertRefused("token_confined", 403, scimToken.resetPassword(clinicianId, "Taken-over-2026!"));
        HrFeed.assertRefused("token_confined", 403, scimToken.admin("GET", "users/" + clinicianId + "/credentials", null));
        HrFeed.assertRefused("token_confined", 403, scimToken.realm("POST", "hipaa-dormant-accounts", "{\"confirm\": true}"));

        assertEquals(passwordSetAt, scene.passwordSetAt(DemoRealm.OTHER_CLINICIAN), "the password is unchanged");
        StoredRecord refused = scene.trail().single(r -> "token_confined".equals(r.at("unmapped.keycloak.error"))
                && ("users/" + clinicianId + "/reset-password").equals(r.at("unmapped.keycloak.details.path")));
        assertEquals(ScimClient.CLIENT_ID, refused.at("unmapped.keycloak.client_id"), refused.text());
    }

    @Test
    void scimChangesNoPasswordRoleOrGroupMembership() throws Exception {
        ScimClient scim = ScimClient.provisioning(realm);
        Accounts.Account clinician = Accounts.withoutCredentials(realm, "mcho", Map.of());
        String groupId = createGroup("ward-9-" + clinician.employeeNumber());

        HttpResponse<String> joined = scim.send("PATCH", "/Users/" + clinician.id(), """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "groups", "value": [{"value": "%s"}]}]}""".formatted(groupId));
        HttpResponse<String> joinedWithoutPath = scim.send("PATCH", "/Users/" + clinician.id(), """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "value": {"Groups": [{"value": "%s"}]}}]}""".formatted(groupId));
        HttpResponse<String> addedMember = scim.send("PATCH", "/Groups/" + groupId, """
                {"schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations": [{"op": "add", "path": "members", "value": [{"value": "%s"}]}]}""".formatted(clinician.id()));
        HttpResponse<String> newGroup = scim.send("POST", "/Groups", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:Group"], "displayName": "iam-shadow"}""");
        String withPassword = "svc-scim-" + Accounts.newEmployeeNumber();
        HttpResponse<String> createdWithPassword = scim.send("POST", "/Users", """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "%s", "password": "Chosen-by-HR-2026"}"""
                .formatted(withPassword));

        for (HttpResponse<String> refused : List.of(joined, joinedWithoutPath, addedMember, newGroup, createdWithPassword)) {
            assertEquals(403, refused.statusCode(), refused.body());
            Map<?, ?> answer = JSON.readValue(refused.body(), Map.class);
            assertEquals("scim_change_refused", answer.get("error"), refused.body());
            assertTrue(answer.get("reason") instanceof String reason && !reason.isBlank(), refused.body());
        }
        assertTrue(realm.admin().users().get(clinician.id()).groups().isEmpty(), "still in no group");
        assertTrue(realm.admin().groups().groups("iam-shadow", 0, 10).isEmpty(), "no group was created");
        assertTrue(realm.admin().users().search(withPassword, true).isEmpty(), "no account was created with a password");
        assertEquals(5, scene.trail().records(r -> "scim_change_refused".equals(r.at("unmapped.keycloak.error"))
                && "scim".equals(r.at("unmapped.keycloak.details.api"))).size(), "each refusal is audited");
    }

    private String createGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        return ApiUtil.getCreatedId(realm.admin().groups().add(group));
    }

}
