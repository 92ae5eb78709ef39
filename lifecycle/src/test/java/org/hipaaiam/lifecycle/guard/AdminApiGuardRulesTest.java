package org.hipaaiam.lifecycle.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.AccessToken;

/** The guard's rules without a server: which paths, callers, account changes and SCIM writes it refuses. */
class AdminApiGuardRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static GuardedPath path(String path) {
        return GuardedPath.of(Arrays.asList(path.split("/"))).orElseThrow();
    }

    @Test
    void pathsOfTheAdminApiAndOfARealmAreTold() {
        GuardedPath reset = path("admin/realms/hipaa/users/u-1/reset-password");
        assertTrue(reset.admin());
        assertEquals("hipaa", reset.realm());
        assertEquals("admin", reset.api());
        assertEquals("users/u-1/reset-password", reset.pathBelowApi());

        GuardedPath separation = path("realms/hipaa/hr-feed/separations");
        assertFalse(separation.admin());
        assertEquals("hr-feed", separation.api());
        assertEquals("separations", separation.pathBelowApi());
        assertTrue(separation.isRealmApi("hipaa", "hr-feed"));
        assertFalse(separation.isRealmApi("other", "hr-feed"));

        assertEquals("users/u-1", path("admin//realms/hipaa//users/u-1").pathBelowApi(), "empty segments do not hide a path");
        assertTrue(path("admin/realms").admin(), "the realm list is the admin API too");
        assertTrue(GuardedPath.of(List.of("resources", "x", "login")).isEmpty());
        assertTrue(GuardedPath.of(List.of("realms", "hipaa")).isEmpty(), "the realm's own page has no API");
    }

    @Test
    void hrAndScimTokensAreConfinedToTheirOwnApi() {
        AccessToken hr = token("hr-feed", "hipaa-hr-feed");
        AccessToken hrByRole = token("hr-feed");
        hrByRole.setRealmAccess(new AccessToken.Access().addRole("hr-feed"));
        AccessToken scim = token("hr-scim", "http://localhost:8080/realms/hipaa/scim/v2");
        AccessToken console = token("security-admin-console", "realm-management");

        assertEquals(Optional.of(ConfinedCaller.HR_FEED), ConfinedCaller.of(hr));
        assertEquals(Optional.of(ConfinedCaller.HR_FEED), ConfinedCaller.of(hrByRole));
        assertEquals(Optional.of(ConfinedCaller.SCIM), ConfinedCaller.of(scim));
        assertEquals(Optional.empty(), ConfinedCaller.of(console));

        assertTrue(ConfinedCaller.HR_FEED.admits(path("realms/hipaa/hr-feed/roster"), "hipaa"));
        assertFalse(ConfinedCaller.HR_FEED.admits(path("admin/realms/hipaa/users"), "hipaa"));
        assertFalse(ConfinedCaller.HR_FEED.admits(path("realms/hipaa/hipaa-dormant-accounts"), "hipaa"));
        assertFalse(ConfinedCaller.HR_FEED.admits(path("realms/hipaa/scim/v2/Users"), "hipaa"));
        assertTrue(ConfinedCaller.SCIM.admits(path("realms/hipaa/scim/v2/Users/u-1"), "hipaa"));
        assertFalse(ConfinedCaller.SCIM.admits(path("admin/realms/hipaa/users/u-1/reset-password"), "hipaa"));
        assertFalse(ConfinedCaller.SCIM.admits(path("realms/other/scim/v2/Users"), "hipaa"), "only in its own realm");
    }

    @Test
    void credentialRoleAndAccountChangesAreTold() {
        assertEquals(Optional.of(new AccountChange("u-1", AccountChange.Kind.CREDENTIAL)), change("PUT", "users/u-1/reset-password", null));
        assertEquals(AccountChange.Kind.CREDENTIAL, change("DELETE", "users/u-1/credentials/c-1", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.CREDENTIAL, change("POST", "users/u-1/credentials/c-1/moveToFirst", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.CREDENTIAL, change("PUT", "users/u-1/execute-actions-email", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.CREDENTIAL, change("POST", "users/u-1/federated-identity/idp", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.CREDENTIAL, change("POST", "users/u-1/impersonation", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.ROLE, change("POST", "users/u-1/role-mappings/realm", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.ROLE, change("DELETE", "users/u-1/role-mappings/clients/c-1", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.ROLE, change("PUT", "users/u-1/groups/g-1", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.CREDENTIAL, change("PUT", "users/u-1",
                "{\"credentials\": [{\"type\": \"password\", \"value\": \"x\"}]}").orElseThrow().kind(), "a password in the user's representation");

        assertEquals(AccountChange.Kind.ACCOUNT, change("PUT", "users/u-1", "{\"email\": \"jo@elsewhere.example\", \"credentials\": []}")
                .orElseThrow().kind(), "a new e-mail address leads the next password reset elsewhere");
        assertEquals(AccountChange.Kind.ACCOUNT, change("PUT", "users/u-1", null).orElseThrow().kind());
        assertEquals(AccountChange.Kind.ACCOUNT, change("DELETE", "users/u-1", null).orElseThrow().kind());
        assertTrue(change("GET", "users/u-1/credentials", null).isEmpty(), "reading changes nothing");
        assertTrue(change("POST", "users/u-1/logout", null).isEmpty());
        assertTrue(change("PUT", "clients/c-1", null).isEmpty());
        assertTrue(change("POST", "users", "{\"credentials\": [{\"type\": \"password\"}]}").isEmpty(), "a new account is nobody's yet");
    }

    @Test
    void roleGrantsAreReadFromThePathAndTheBody() {
        RoleGrant realmRoles = grant("POST", "users/u-1/role-mappings/realm", "[{\"id\": \"r-1\", \"name\": \"iam-admin\"}, {\"name\": \"clinician\"}]")
                .orElseThrow();
        assertEquals("u-1", realmRoles.userId());
        assertEquals(List.of(new RoleGrant.RoleName("r-1", "iam-admin"), new RoleGrant.RoleName(null, "clinician")), realmRoles.roles());
        assertEquals("c-9", grant("POST", "users/u-1/role-mappings/clients/c-9", "[{\"name\": \"manage-users\"}]").orElseThrow().clientId());
        assertEquals("g-1", grant("PUT", "users/u-1/groups/g-1", null).orElseThrow().groupId());

        assertTrue(grant("DELETE", "users/u-1/role-mappings/realm", "[{\"name\": \"iam-admin\"}]").isEmpty(), "a removal grants nothing");
        assertTrue(grant("DELETE", "users/u-1/groups/g-1", null).isEmpty());
        assertTrue(grant("GET", "users/u-1/role-mappings/realm/composite", null).isEmpty());
        assertTrue(grant("POST", "groups/g-1/role-mappings/realm", "[{\"name\": \"iam-admin\"}]").isEmpty(), "a group's roles: the listener's");
        assertTrue(grant("POST", "users/u-1/role-mappings/realm", "{\"name\": 7}").orElseThrow().roles().stream()
                .allMatch(role -> role.id() == null && role.name() == null), "unreadable names are left to Keycloak to refuse");
    }

    private static Optional<RoleGrant> grant(String method, String path, String body) {
        return RoleGrant.of(method, Arrays.asList(path.split("/")), () -> parsed(body));
    }

    @Test
    void scimChangesNoPasswordGroupOrRole() throws Exception {
        assertTrue(scim("PATCH", "v2/Users/u-1", """
                {"Operations": [{"op": "replace", "path": "active", "value": false}]}""").isEmpty());
        assertTrue(scim("POST", "v2/Users", "{\"userName\": \"svc-pacs-hl7\", \"active\": true}").isEmpty());
        assertTrue(scim("DELETE", "v2/Users/u-1", null).isEmpty());
        assertTrue(scim("GET", "v2/Groups", null).isEmpty());

        assertRefusedFor("password", scim("POST", "v2/Users", "{\"userName\": \"x\", \"Password\": \"chosen\"}"));
        assertRefusedFor("groups", scim("PUT", "v2/Users/u-1", "{\"userName\": \"x\", \"groups\": [{\"value\": \"g-1\"}]}"));
        assertRefusedFor("groups", scim("PATCH", "v2/Users/u-1", """
                {"Operations": [{"op": "add", "path": "groups[value eq \\"g-1\\"]", "value": {}}]}"""));
        assertRefusedFor("password", scim("PATCH", "v2/Users/u-1", """
                {"Operations": [{"op": "replace", "path": "urn:ietf:params:scim:schemas:core:2.0:User:password", "value": "x"}]}"""));
        assertRefusedFor("roles", scim("PATCH", "v2/Users/u-1", """
                {"Operations": [{"op": "add", "value": {"displayName": "Jo", "roles": [{"value": "iam-admin"}]}}]}"""));
        assertRefusedFor("entitlements", scim("POST", "v2/Users", """
                {"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": {"entitlements": ["x"]}}"""));
        assertTrue(scim("POST", "v2/Groups", "{\"displayName\": \"x\"}").orElseThrow().startsWith(ScimChange.REASON_RESOURCE));
        assertTrue(scim("PATCH", "v2/Groups/g-1", "{}").isPresent());
        assertTrue(scim("POST", "v2/Bulk", "{}").isPresent());
    }

    private static void assertRefusedFor(String attribute, Optional<String> refusal) {
        assertEquals(ScimChange.REASON_ATTRIBUTE + attribute, refusal.orElseThrow());
    }

    private static Optional<String> scim(String method, String path, String body) throws Exception {
        return ScimChange.refusal(method, Arrays.asList(path.split("/")), body == null ? null : JSON.readTree(body));
    }

    private static Optional<AccountChange> change(String method, String path, String body) {
        return AccountChange.of(method, Arrays.asList(path.split("/")), () -> parsed(body));
    }

    private static JsonNode parsed(String body) {
        try {
            return body == null ? MissingNode.getInstance() : JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static AccessToken token(String clientId, String... audience) {
        AccessToken token = new AccessToken();
        token.issuedFor(clientId);
        if (audience.length > 0) {
            token.audience(audience);
        }
        return token;
    }
}
