package org.hipaaiam.it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.hipaaiam.it.badge.BadgeAdminApi;
import org.hipaaiam.it.emergency.BreakGlassApi;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Each of the bundle's APIs takes only tokens issued for it: a privacy officer's or an IAM admin's token that the
 * demo clinical app received when they signed in to it is refused (401 `invalid_audience`, audited with who held
 * it and which app it was issued to) and changes nothing; the same people's tokens from the bundle's admin tools
 * are accepted. A token naming the API still brings only the roles its client's scope lets into it.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class ApiAudienceIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    // A fresh realm per test: the tests declare an emergency, reset a PIN and register a workstation.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    ApiCallers callers;

    @Test
    void aPrivacyOfficersTokenIssuedToAnAppCannotReviewBreakGlassCases() throws Exception {
        BreakGlassApi throughApp = BreakGlassApi.as(realm.getBaseUrl(), callers.clinicalAppTokenOf(DemoRealm.PRIVACY_OFFICER));
        assertRefusedForAudience(throughApp.get("cases"));
        assertRefusedForAudience(throughApp.post("cases/no-such-case/decision", Map.of("decision", "approve", "notes", "Looks fine")));
        assertRefusalAudited(BundleApi.BREAK_GLASS, "cases/{id}/decision", DemoRealm.PRIVACY_OFFICER);

        BreakGlassApi throughTools = BreakGlassApi.as(realm.getBaseUrl(), callers.adminToolsTokenOf(DemoRealm.PRIVACY_OFFICER));
        assertEquals(200, throughTools.get("cases").statusCode());
        HttpResponse<String> unknownCase = throughTools.post("cases/no-such-case/decision", Map.of("decision", "approve", "notes", "Looks fine"));
        assertEquals(404, unknownCase.statusCode(), "past the audience and the role, the case is looked up: " + unknownCase.body());
    }

    @Test
    void anIamAdminsTokenIssuedToAnAppCannotDeclareAnEmergencyResetAPinOrChangeWorkstations() throws Exception {
        long until = Instant.now().getEpochSecond() + 3600;
        Map<String, Object> declaration = Map.of("reason", "EHR downtime", "until", until);
        Map<String, String> rogue = Map.of("class", "kiosk", "location", "Lobby", "network", "0.0.0.0/0");
        String clinician = callers.userId(DemoRealm.CLINICIAN);
        String appToken = callers.clinicalAppTokenOf(DemoRealm.IAM_ADMIN);

        assertRefusedForAudience(BreakGlassApi.as(realm.getBaseUrl(), appToken).post("emergency", declaration));
        BadgeAdminApi badgesThroughApp = new BadgeAdminApi(realm.getBaseUrl(), appToken);
        assertRefusedForAudience(badgesThroughApp.resetPin(clinician));
        assertRefusedForAudience(badgesThroughApp.putWorkstation("rogue-01", rogue));
        assertRefusedForAudience(dormantAccounts(appToken));
        assertRefusalAudited(BundleApi.BREAK_GLASS, "emergency", DemoRealm.IAM_ADMIN);
        assertRefusalAudited(BundleApi.BADGE_ADMIN, "users/" + clinician + "/pin", DemoRealm.IAM_ADMIN);
        assertRefusalAudited(BundleApi.BADGE_ADMIN, "workstations/rogue-01", DemoRealm.IAM_ADMIN);
        assertRefusalAudited(BundleApi.DORMANT_ACCOUNTS, "", DemoRealm.IAM_ADMIN);
        assertNull(realm.admin().toRepresentation().getAttributes().get(DeclaredEmergencyAttributes.UNTIL), "no emergency was declared");
        assertFalse(String.valueOf(realm.admin().users().get(clinician).toRepresentation().getRequiredActions()).contains("hipaa-badge-enrolment"),
                "no PIN reset asked for enrolment");

        String toolsToken = callers.adminToolsTokenOf(DemoRealm.IAM_ADMIN);
        BadgeAdminApi badges = new BadgeAdminApi(realm.getBaseUrl(), toolsToken);
        assertEquals(404, badges.send("GET", "workstations/rogue-01", null).statusCode(), "nothing was registered");
        assertEquals(200, BreakGlassApi.as(realm.getBaseUrl(), toolsToken).post("emergency", declaration).statusCode());
        assertEquals(200, badges.resetPin(clinician).statusCode());
        assertEquals(200, badges.putWorkstation("pharmacy-02", Map.of("class", "administrative", "location", "Pharmacy", "network", "10.12.0.0/24"))
                .statusCode());
        assertEquals(200, dormantAccounts(toolsToken).statusCode());
    }

    @Test
    void aTokenNamingTheApiBringsOnlyTheRolesItsClientsScopeAllows() throws Exception {
        String client = callers.serviceClientNaming("case-report-job", BundleApi.BREAK_GLASS.audience(), "privacy-officer");

        HttpResponse<String> refused = BreakGlassApi.as(realm.getBaseUrl(), callers.serviceAccountToken("case-report-job")).get("cases");
        assertEquals(403, refused.statusCode(), refused.body());
        assertTrue(String.valueOf(JSON.readValue(refused.body(), Map.class).get("reason")).contains("token"),
                "the reason says the token lacks the role: " + refused.body());

        callers.allowRoleInScope(client, "privacy-officer");
        assertEquals(200, BreakGlassApi.as(realm.getBaseUrl(), callers.serviceAccountToken("case-report-job")).get("cases").statusCode());
    }

    private HttpResponse<String> dormantAccounts(String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/" + BundleApi.DORMANT_ACCOUNTS.path()))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertRefusedForAudience(HttpResponse<String> response) throws Exception {
        assertEquals(401, response.statusCode(), response.body());
        Map<?, ?> body = JSON.readValue(response.body(), Map.class);
        assertEquals("invalid_audience", body.get("error"));
        assertTrue(String.valueOf(body.get("reason")).contains("audience"), response.body());
    }

    /** The refusal is in the audit trail with the token's holder and the app it was issued to. */
    private void assertRefusalAudited(BundleApi api, String path, String holder) throws Exception {
        assertFalse(callers.trail().records(r -> HipaaEvents.API_REFUSED.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && api.path().equals(r.at("unmapped.keycloak.details.api"))
                // an empty path (the dormant-accounts API's root) leaves no detail
                && path.equals(Objects.toString(r.at("unmapped.keycloak.details.path"), ""))
                && "invalid_audience".equals(r.at("unmapped.keycloak.error"))
                && holder.equals(r.at("user.name"))
                && DemoRealm.OIDC_CLIENT.equals(r.at("actor.app_name"))).isEmpty(),
                "the refusal at " + api.path() + "/" + path + " is audited with " + holder + " and " + DemoRealm.OIDC_CLIENT);
    }
}
