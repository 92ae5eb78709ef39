package org.hipaaiam.it.logoff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.BundleApiClient;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** The idle-policy API: auditors and IAM admins read the configured timeouts; only valid changes are written. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class IdlePoliciesApiIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    LogoffWard ward;

    @Test
    void iamAdminReadsTheShippedPolicyTableAndChangesAClass() throws Exception {
        BundleApiClient api = new BundleApiClient(realm.getBaseUrl(), BundleApi.IDLE_POLICIES, ward.adminToolsTokenOf(DemoRealm.IAM_ADMIN));
        HttpResponse<String> read = api.send("GET", "policies", null);
        assertEquals(200, read.statusCode(), read.body());
        Map<String, Object> policies = BundleApiClient.body(read);
        assertEquals(1800, policies.get("ssoSessionIdleSeconds"));
        assertEquals(Map.of("lockSeconds", 300, "terminateSeconds", 900, "badgeLeaves", "lock", "policy", "lock=5m terminate=15m badge-leaves=lock"),
                ((Map<?, ?>) policies.get("classes")).get("clinical"));
        assertEquals(900, ((Map<?, ?>) ((Map<?, ?>) policies.get("clients")).get("patient-portal")).get("terminateSeconds"));

        ward.setRealmAttribute("hipaa.idle.kiosk", "lock=none terminate=5m badge-leaves=end");
        AuditTrail trail = AuditTrail.fromNow();
        HttpResponse<String> changed = api.send("PUT", "policies", "{\"classes\": {\"kiosk\": \"lock=1m terminate=4m badge-leaves=end\"}}");
        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("lock=1m terminate=4m badge-leaves=end", realm.admin().toRepresentation().getAttributes().get("hipaa.idle.kiosk"));
        trail.single(r -> "hipaa-idle-policies/policies".equals(r.at("unmapped.keycloak.resource_path")));
    }

    @Test
    void aPolicyThatCannotBeEnforcedIsRefusedWithItsReasonAndChangesNothing() throws Exception {
        BundleApiClient api = new BundleApiClient(realm.getBaseUrl(), BundleApi.IDLE_POLICIES, ward.adminToolsTokenOf(DemoRealm.IAM_ADMIN));
        Map<String, String> refused = Map.of(
                "{\"classes\": {\"clinical\": \"lock=15m terminate=10m\"}}", "lock must be shorter than terminate",
                "{\"classes\": {\"administrative\": \"lock=10m terminate=45m\"}}", "exceeds the realm's SSO session idle",
                "{\"classes\": {\"broom-cupboard\": \"terminate=10m\"}}", "no workstation class broom-cupboard",
                "{\"clients\": {\"patient-portal\": 15}}", "must be a policy",
                "{\"idle\": 5}", "unknown member idle",
                "{\"classes\": ", "");
        AuditTrail trail = AuditTrail.fromNow();
        for (Map.Entry<String, String> body : refused.entrySet()) {
            HttpResponse<String> answer = api.send("PUT", "policies", body.getKey());
            assertEquals(400, answer.statusCode(), body.getKey());
            assertTrue(answer.body().contains(body.getValue()), answer.body());
        }
        assertEquals("lock=5m terminate=15m badge-leaves=lock", realm.admin().toRepresentation().getAttributes().get("hipaa.idle.clinical"));
        assertEquals(refused.size(), trail.records(r -> "api-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))).size());
    }

    @Test
    void aClinicianMayNotReadOrChangePolicies() throws Exception {
        BundleApiClient api = new BundleApiClient(realm.getBaseUrl(), BundleApi.IDLE_POLICIES, ward.adminToolsTokenOf(DemoRealm.CLINICIAN));
        assertEquals(403, api.send("GET", "policies", null).statusCode());
        assertEquals(403, api.send("PUT", "policies", "{\"unclassified\": \"terminate=30m\"}").statusCode());
    }
}
