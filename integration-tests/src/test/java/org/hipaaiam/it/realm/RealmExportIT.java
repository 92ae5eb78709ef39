package org.hipaaiam.it.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AuthenticationExecutionInfoRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** The shipped realm export imports into a real server and carries the settings the README promises. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class RealmExportIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @Test
    void importsWithBruteForceProtectionAndEventsOn() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        assertEquals(DemoRealm.NAME, rep.getRealm());
        assertTrue(rep.isBruteForceProtected());
        assertEquals(5, rep.getFailureFactor());
        assertEquals(600, rep.getMaxDeltaTimeSeconds());
        assertTrue(rep.isEventsEnabled());
        assertTrue(rep.isAdminEventsEnabled());
        assertTrue(rep.isAdminEventsDetailsEnabled());
        assertEquals("hipaa", rep.getLoginTheme());
        assertFalse(rep.isRememberMe(), "no remember-me on shared workstations");
        assertEquals("hipaa browser", rep.getBrowserFlow());
    }

    @Test
    void definesTheFourWorkforceRoles() {
        Set<String> roles = realm.admin().roles().list().stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        assertTrue(roles.containsAll(Set.of("clinician", "privacy-officer", "iam-admin", "hr-feed")), roles.toString());
    }

    @Test
    void browserFlowRequiresPasswordAndOneTimeCode() {
        List<AuthenticationExecutionInfoRepresentation> steps = realm.admin().flows().getExecutions("hipaa browser");
        assertEquals("REQUIRED", requirementOf(steps, "auth-username-password-form"));
        assertEquals("REQUIRED", requirementOf(steps, "auth-otp-form"));
    }

    @Test
    void oidcDemoClientIsConfidentialWithPkceAndBackChannelLogout() {
        ClientRepresentation app = client(DemoRealm.OIDC_CLIENT);
        assertFalse(app.isPublicClient());
        assertTrue(app.isStandardFlowEnabled());
        assertFalse(app.isDirectAccessGrantsEnabled());
        assertFalse(app.isImplicitFlowEnabled());
        assertEquals("S256", app.getAttributes().get("pkce.code.challenge.method"));
        assertEquals("http://localhost:8081/backchannel-logout", app.getAttributes().get("backchannel.logout.url"));
    }

    @Test
    void adminToolsArePublicWithPkceNameTheBundlesApisAndCarryOnlyTheirRoles() {
        ClientRepresentation tools = client(DemoRealm.ADMIN_TOOLS_CLIENT);
        assertTrue(tools.isPublicClient());
        assertFalse(tools.isDirectAccessGrantsEnabled());
        assertFalse(tools.isImplicitFlowEnabled());
        assertFalse(tools.isFullScopeAllowed(), "tokens carry only the roles the bundle's APIs check");
        assertEquals("S256", tools.getAttributes().get("pkce.code.challenge.method"));
        assertEquals(List.of("http://127.0.0.1/callback"), List.copyOf(tools.getRedirectUris()));
        Set<String> audiences = tools.getProtocolMappers().stream().filter(m -> "oidc-audience-mapper".equals(m.getProtocolMapper()))
                .map(m -> m.getConfig().get("included.custom.audience")).collect(Collectors.toSet());
        assertEquals(Set.of(BundleApi.BADGE_ADMIN.audience(), BundleApi.FINGERPRINT_ADMIN.audience(), BundleApi.IDLE_POLICIES.audience(),
                BundleApi.BREAK_GLASS.audience(), BundleApi.DORMANT_ACCOUNTS.audience()), audiences);
        assertTrue(tools.getProtocolMappers().stream().anyMatch(m -> "hipaa-amr-mapper".equals(m.getProtocolMapper())),
                "its tokens say how the person signed in: the APIs require a second factor");
        Set<String> realmRoles = realm.admin().clients().get(tools.getId()).getScopeMappings().realmLevel().listAll().stream()
                .map(RoleRepresentation::getName).collect(Collectors.toSet());
        assertEquals(Set.of("privacy-officer", "iam-admin"), realmRoles);
    }

    @Test
    void samlDemoClientSignsAssertions() {
        ClientRepresentation viewer = client(DemoRealm.SAML_CLIENT);
        assertEquals("saml", viewer.getProtocol());
        assertEquals("true", viewer.getAttributes().get("saml.assertion.signature"));
        assertEquals("true", viewer.getAttributes().get("saml.server.signature"));
    }

    @Test
    void hrFeedIsAServiceAccountWithTheHrFeedRole() {
        ClientRepresentation feed = client("hr-feed");
        assertTrue(feed.isServiceAccountsEnabled());
        assertFalse(feed.isStandardFlowEnabled());
        UserRepresentation account = realm.admin().clients().get(feed.getId()).getServiceAccountUser();
        Set<String> roles = realm.admin().users().get(account.getId()).roles().realmLevel().listEffective()
                .stream().map(RoleRepresentation::getName).collect(Collectors.toSet());
        assertTrue(roles.contains("hr-feed"), roles.toString());
    }

    @Test
    void demoUsersFollowTheUniqueIdConventionAndCarryEmployeeNumbers() {
        for (String username : List.of("jsmith4821", "tnguyen7310", "mbrown5532", "adm-jsmith4821")) {
            UserRepresentation user = realm.admin().users().search(username, true).get(0);
            assertTrue(username.matches("(adm-)?[a-z]+[0-9]+"), username);
            String employeeNumber = user.getAttributes().get("employeeNumber").get(0);
            assertTrue(username.endsWith(employeeNumber), username + " / " + employeeNumber);
        }
        assertNotNull(realm.admin().users().search("svc-epic-hl7", true).get(0));
    }

    private ClientRepresentation client(String clientId) {
        return realm.admin().clients().findByClientId(clientId).get(0);
    }

    private static String requirementOf(List<AuthenticationExecutionInfoRepresentation> steps, String providerId) {
        return steps.stream().filter(s -> providerId.equals(s.getProviderId())).findFirst()
                .orElseThrow(() -> new AssertionError(providerId + " is not in the browser flow"))
                .getRequirement();
    }
}
