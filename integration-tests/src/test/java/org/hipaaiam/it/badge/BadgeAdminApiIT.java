package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** The workstation registry and badge admin API: who may call it, what it refuses, and what it records. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgeAdminApiIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @Test
    void iamAdminRegistersListsAndRemovesWorkstationsAsAuditedAdminEvents() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        HttpResponse<String> created = admin.putWorkstation("pharmacy-01",
                Map.of("class", "administrative", "location", "Pharmacy counter", "network", "10.12.0.0/24"));
        assertEquals(200, created.statusCode(), created.body());
        assertEquals("administrative", BadgeAdminApi.body(created).get("class"));

        HttpResponse<String> listed = admin.send("GET", "workstations", null);
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().contains("\"pharmacy-01\""), listed.body());

        assertEquals(204, admin.send("DELETE", "workstations/pharmacy-01", null).statusCode());
        assertEquals(404, admin.send("GET", "workstations/pharmacy-01", null).statusCode());

        assertFalse(adminEvents("CREATE", "hipaa-badge-admin/workstations/pharmacy-01").isEmpty(), "creation is an admin event");
        assertFalse(adminEvents("DELETE", "hipaa-badge-admin/workstations/pharmacy-01").isEmpty(), "removal is an admin event");
    }

    /**
     * Admin events of one operation on one resource, selected by the server: Keycloak keeps the events of a deleted
     * realm, and every import of the shipped realm has the same id, so the realm's event list also holds earlier tests'.
     */
    private List<AdminEventRepresentation> adminEvents(String operation, String resourcePath) {
        return realm.admin().getAdminEvents(List.of(operation), null, null, null, null, resourcePath, null, null, null, null);
    }

    @Test
    void callsWithoutATokenAreRefusedAndAudited() throws Exception {
        HttpResponse<String> refused = new BadgeAdminApi(realm.getBaseUrl(), null).send("GET", "workstations", null);
        assertEquals(401, refused.statusCode());
        assertEquals("unauthenticated", BadgeAdminApi.body(refused).get("error"));
        assertRefusalAudited("unauthenticated");
    }

    @Test
    void clinicianMayNotChangeTheRegistryOrBadges() throws Exception {
        BadgeAdminApi clinician = new BadgeAdminApi(realm.getBaseUrl(), ward.adminToolsTokenOf(DemoRealm.CLINICIAN));
        HttpResponse<String> refused = clinician.putWorkstation("rogue-01", Map.of("class", "kiosk", "location", "Lobby", "network", "0.0.0.0/0"));
        assertEquals(403, refused.statusCode());
        assertTrue(((String) BadgeAdminApi.body(refused).get("reason")).contains("manage-realm"), refused.body());
        assertEquals(403, clinician.assignBadge(ward.userId(DemoRealm.CLINICIAN), "0004821").statusCode());
        assertEquals(404, ward.asIamAdmin().send("GET", "workstations/rogue-01", null).statusCode(), "nothing was registered");
        assertRefusalAudited("forbidden");
    }

    @Test
    void aBadgeAndPinSignInIsNotEnoughForTheAdminApis() throws Exception {
        // The privacy officer may hold a badge for clinical apps; her role reads users through this API.
        assertEquals(200, ward.registerWorkstation("privacy-office-01", Map.of("class", "administrative", "location", "Privacy office",
                "network", "127.0.0.1/32")).statusCode());
        ward.enrol(DemoRealm.PRIVACY_OFFICER, "005532001", "582931");
        String officerId = ward.userId(DemoRealm.PRIVACY_OFFICER);

        BadgeAdminApi byBadge = new BadgeAdminApi(realm.getBaseUrl(), ward.adminToolsTokenByBadge("005532001", "582931"));
        HttpResponse<String> refused = byBadge.badgeStatus(officerId);

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("second_factor_required", BadgeAdminApi.body(refused).get("error"));
        assertRefusalAudited("second_factor_required");
        BadgeAdminApi byPasswordAndCode = new BadgeAdminApi(realm.getBaseUrl(), ward.adminToolsTokenOf(DemoRealm.PRIVACY_OFFICER));
        assertEquals(200, byPasswordAndCode.badgeStatus(officerId).statusCode(), "the same person with password and one-time code");
    }

    @Test
    void invalidWorkstationsAreRefusedWithAReasonAndNotStored() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        Map<String, Map<String, String>> invalid = Map.of(
                "class", Map.of("class", "canteen", "location", "Canteen", "network", "10.0.0.0/8"),
                "network", Map.of("class", "clinical", "location", "Ward 1", "network", "ward-1.hospital.example"),
                "publicKey", Map.of("class", "clinical", "location", "Ward 1", "publicKey", "not a key"),
                "network, a reader publicKey", Map.of("class", "clinical", "location", "Ward 1"));
        for (Map.Entry<String, Map<String, String>> bad : invalid.entrySet()) {
            HttpResponse<String> refused = admin.putWorkstation("ward-1", bad.getValue());
            assertEquals(400, refused.statusCode(), refused.body());
            assertTrue(((String) BadgeAdminApi.body(refused).get("reason")).contains(bad.getKey()), refused.body());
        }
        assertEquals(400, admin.send("PUT", "workstations/ward-1", "[1,2]").statusCode());
        assertEquals(400, admin.putWorkstation("Ward-1", Map.of("class", "clinical", "location", "Ward 1", "network", "10.1.0.0/16")).statusCode());
        assertEquals(404, admin.send("GET", "workstations/ward-1", null).statusCode(), "nothing was stored");
        assertEquals(400, admin.assignBadge(ward.userId(DemoRealm.CLINICIAN), "12").statusCode(), "too short for a badge");
        assertEquals(404, admin.revokeBadge(ward.userId(DemoRealm.CLINICIAN)).statusCode(), "she has no badge to revoke");
        assertRefusalAudited("invalid_request");
    }

    @Test
    void hostileBodiesAreRefusedWithAClearReasonAndChangeNothing() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        String clinician = ward.userId(DemoRealm.CLINICIAN);
        Map<String, String> refusedBodies = Map.of(
                "{\"class\": \"clinical\", \"location\": ", "not valid JSON",
                "", "must be JSON",
                "\"ward-1\"", "must be a JSON object",
                "{\"class\": 5, \"location\": \"Ward 1\", \"network\": \"10.1.0.0/16\"}", "class must be a string",
                "{\"class\": \"clinical\", \"location\": [\"Ward 1\"], \"network\": \"10.1.0.0/16\"}", "location must be a string",
                "{\"class\": \"clinical\", \"location\": \"Ward 1\", \"network\": {\"cidr\": \"10.1.0.0/16\"}}", "network must be a string");
        for (Map.Entry<String, String> bad : refusedBodies.entrySet()) {
            HttpResponse<String> refused = admin.send("PUT", "workstations/ward-1", bad.getKey());
            assertEquals(400, refused.statusCode(), bad.getKey() + " -> " + refused.body());
            assertEquals("invalid_request", BadgeAdminApi.body(refused).get("error"), refused.body());
            assertTrue(((String) BadgeAdminApi.body(refused).get("reason")).contains(bad.getValue()), refused.body());
        }

        HttpResponse<String> oversized = admin.send("PUT", "workstations/ward-1",
                "{\"class\": \"clinical\", \"network\": \"10.1.0.0/16\", \"location\": \"" + "x".repeat(8 * 1024 * 1024) + "\"}");
        assertEquals(413, oversized.statusCode(), oversized.body());
        assertEquals("payload_too_large", BadgeAdminApi.body(oversized).get("error"));

        HttpResponse<String> numericBadge = admin.send("PUT", "users/" + clinician + "/badge", "{\"badge\": 4821093}");
        assertEquals(400, numericBadge.statusCode(), numericBadge.body());
        assertTrue(((String) BadgeAdminApi.body(numericBadge).get("reason")).contains("badge must be a string"), numericBadge.body());
        assertEquals(400, admin.send("PUT", "users/" + clinician + "/badge", "{\"badge\": ").statusCode());

        assertEquals(404, admin.send("GET", "workstations/ward-1", null).statusCode(), "nothing was stored");
        assertEquals(Boolean.FALSE, BadgeAdminApi.body(admin.badgeStatus(clinician)).get("badgeEnrolled"), "no badge was bound");
        assertRefusalAudited("payload_too_large");
    }

    @Test
    void unknownUsersAndWorkstationsAreNotFound() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        HttpResponse<String> noUser = admin.badgeStatus("no-such-user");
        assertEquals(404, noUser.statusCode(), noUser.body());
        assertEquals("not_found", BadgeAdminApi.body(noUser).get("error"));
        assertEquals(404, admin.resetPin("no-such-user").statusCode());
        assertEquals(404, admin.send("DELETE", "workstations/never-registered", null).statusCode());
        assertRefusalAudited("not_found");
    }

    @Test
    void privilegedServiceAndDisasterRecoveryAccountsGetNoBadge() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        // An adm- account holding iam-admin, a service account and the disaster-recovery account: badge + PIN would
        // make their sign-in single-factor at any workstation.
        String[] accounts = {DemoRealm.IAM_ADMIN, "svc-epic-hl7", "adm-dreyes9001"};
        String[] badges = {"0007001", "0007002", "0007003"};
        for (int i = 0; i < accounts.length; i++) {
            String userId = ward.userId(accounts[i]);
            HttpResponse<String> refused = admin.assignBadge(userId, badges[i]);
            assertEquals(409, refused.statusCode(), accounts[i] + ": " + refused.body());
            assertTrue(((String) BadgeAdminApi.body(refused).get("reason")).contains("only for workforce accounts"), refused.body());
            assertEquals(Boolean.FALSE, BadgeAdminApi.body(admin.badgeStatus(userId)).get("badgeEnrolled"), accounts[i] + " has no badge");
        }
        assertRefusalAudited("conflict");
    }

    /** Refusals are audited like every refusal of the bundle's APIs: `api-refused`, naming this API. */
    private void assertRefusalAudited(String error) throws Exception {
        assertFalse(ward.trail().records(r -> "api-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && "hipaa-badge-admin".equals(r.at("unmapped.keycloak.details.api"))
                && error.equals(r.at("unmapped.keycloak.error"))).isEmpty(), "refusal '" + error + "' is in the audit trail");
    }
}
