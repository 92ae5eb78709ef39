package org.hipaaiam.it.emergency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** Only the Privacy Office reviews and exports cases; only IAM admins declare an emergency, which opens break-glass to all workforce. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BreakGlassReviewIT {

    /** A clinician without a pending justification (one pending stops her sign-in at the justification page). */
    static final String OTHER_CLINICIAN = DemoRealm.OTHER_CLINICIAN;

    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    BreakGlassScene scene;

    @Test
    void onlyPrivacyOfficersReviewAndRefusalsAreAudited() throws Exception {
        assertEquals("success", scene.clinician.elevate(DemoRealm.CLINICIAN, "Stroke alert, CT history needed").params().get("kc_action_status"));

        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(realm.getBaseUrl() + "/hipaa-break-glass/cases")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
        for (String notReviewer : List.of(OTHER_CLINICIAN, BreakGlassApi.IAM_ADMIN)) {
            HttpResponse<String> refused = scene.apiAs(notReviewer).get("cases");
            assertEquals(403, refused.statusCode(), refused.body());
            assertEquals("forbidden", BreakGlassApi.JSON.readValue(refused.body(), Map.class).get("error"));
        }
        for (String notReviewer : List.of(OTHER_CLINICIAN, BreakGlassApi.IAM_ADMIN)) {
            assertFalse(scene.trail().records(r -> isRefusal(r, "cases", "the caller lacks the realm role privacy-officer")
                    && notReviewer.equals(r.at("user.name"))).isEmpty(), "the refusal of " + notReviewer + " is audited");
        }

        BreakGlassApi reviewer = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER);
        List<Map<String, Object>> open = reviewer.cases("open");
        assertEquals(1, open.size());
        String caseId = (String) open.get(0).get("id");
        assertTrue(reviewer.cases("justified").isEmpty());
        assertEquals(400, reviewer.get("cases?status=everything").statusCode());

        assertEquals(400, reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "approve")).statusCode(), "notes are required");
        assertEquals(400, reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "maybe", "notes", "x")).statusCode());
        assertEquals(404, reviewer.post("cases/no-such-case/decision", Map.of("decision", "approve", "notes", "x")).statusCode());
        assertEquals("open", reviewer.caseById(caseId).get("status"), "refused decisions change nothing");

        HttpResponse<String> rejected = reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "reject", "notes", "No stroke alert on record"));
        assertEquals(200, rejected.statusCode(), rejected.body());
        Map<String, Object> decided = reviewer.caseById(caseId);
        assertEquals("rejected", decided.get("status"));
        assertEquals(BreakGlassApi.PRIVACY_OFFICER, decided.get("reviewer"));
        assertEquals("No stroke alert on record", decided.get("reviewNotes"));
        assertEquals(409, reviewer.post("cases/" + caseId + "/decision", Map.of("decision", "approve", "notes", "again")).statusCode());

        String from = Instant.now().minusSeconds(3600).toString();
        String to = Instant.now().plusSeconds(3600).toString();
        HttpResponse<String> json = reviewer.get("cases/export?format=json&from=" + from + "&to=" + to);
        assertEquals(200, json.statusCode());
        assertEquals(caseId, ((Map<?, ?>) BreakGlassApi.JSON.readValue(json.body(), List.class).get(0)).get("id"));
        HttpResponse<String> csv = reviewer.get("cases/export?format=csv&from=" + from + "&to=" + to);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = csv.body().split("\r\n");
        assertTrue(lines[0].startsWith("id,status,username"), lines[0]);
        assertTrue(lines[1].startsWith(caseId + ",rejected," + DemoRealm.CLINICIAN), lines[1]);
        assertEquals(400, reviewer.get("cases/export?format=xml&from=" + from + "&to=" + to).statusCode());
        assertEquals(400, reviewer.get("cases/export?format=csv&from=yesterday&to=" + to).statusCode());
        HttpResponse<String> emptyPeriod = reviewer.get("cases/export?format=json&from=2020-01-01T00:00:00Z&to=2020-02-01T00:00:00Z");
        assertEquals("[]", emptyPeriod.body());
    }

    @Test
    void aDeclaredEmergencyLetsAnyWorkforceAccountBreakTheGlassUntilItEnds() throws Exception {
        long until = Instant.now().getEpochSecond() + 3600;
        BreakGlassApi officer = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER);
        assertEquals(403, officer.post("emergency", Map.of("reason", "Ransomware", "until", until)).statusCode(), "declaring is for IAM admins");

        BreakGlassApi iamAdmin = scene.apiAs(BreakGlassApi.IAM_ADMIN);
        assertEquals(400, iamAdmin.post("emergency", Map.of("reason", "Ransomware", "until", 5)).statusCode(), "an end in the past is refused");
        assertEquals(400, iamAdmin.post("emergency", Map.of("until", until)).statusCode(), "a reason is required");
        assertNull(realm.admin().toRepresentation().getAttributes().get(DeclaredEmergencyAttributes.UNTIL), "refusals change nothing");

        HttpResponse<String> declared = iamAdmin.post("emergency", Map.of("reason", "EHR downtime, mass casualty incident", "until", until));
        assertEquals(200, declared.statusCode(), declared.body());
        Map<String, String> attributes = realm.admin().toRepresentation().getAttributes();
        assertEquals(Long.toString(until), attributes.get(DeclaredEmergencyAttributes.UNTIL));
        assertEquals("EHR downtime, mass casualty incident", attributes.get(DeclaredEmergencyAttributes.REASON));
        assertEquals(BreakGlassApi.IAM_ADMIN, attributes.get(DeclaredEmergencyAttributes.BY));
        assertEquals(BreakGlassApi.IAM_ADMIN, PrivacyOffice.usernameOf(scene.privacyOffice.nextAlertNamed("break-glass-emergency-declared")));

        CallbackReceiver.Received elevated = scene.clinician.elevate(BreakGlassApi.PRIVACY_OFFICER, "Covering triage during the incident");
        assertEquals("success", elevated.params().get("kc_action_status"), "a non-clinician may break the glass during the emergency");
        Map<String, Object> ownCase = officer.cases("open").get(0);
        assertEquals(Boolean.TRUE, ownCase.get("declaredEmergency"));
        HttpResponse<String> selfReview = officer.post("cases/" + ownCase.get("id") + "/decision", Map.of("decision", "approve", "notes", "Mine, fine"));
        assertEquals(403, selfReview.statusCode(), selfReview.body());
        assertEquals("nobody reviews their own break-glass case", BreakGlassApi.JSON.readValue(selfReview.body(), Map.class).get("reason"));
        assertEquals("open", officer.caseById((String) ownCase.get("id")).get("status"), "a refused self-review changes nothing");
        assertFalse(scene.trail().records(r -> isRefusal(r, "cases/{id}/decision", "nobody reviews their own break-glass case")
                && BreakGlassApi.PRIVACY_OFFICER.equals(r.at("user.name"))).isEmpty(), "the self-review is audited");

        assertEquals(200, iamAdmin.delete("emergency").statusCode());
        assertFalse(realm.admin().toRepresentation().getAttributes().containsKey(DeclaredEmergencyAttributes.UNTIL));
        scene.privacyOffice.nextAlertNamed("break-glass-emergency-ended");
        assertEquals(409, iamAdmin.delete("emergency").statusCode(), "nothing left to end");

        BreakGlassBrowser clinician = scene.clinician;
        clinician.forgetSessions();
        clinician.request(BreakGlassBrowser.ELEVATE, null);
        clinician.signIn(BreakGlassApi.PRIVACY_OFFICER);
        if (clinician.justificationPage().isShown()) {
            clinician.justificationPage().justify("Covered triage while the EHR was down during the incident");
        }
        assertEquals("access_denied", scene.app.next().params().get("error"), "after the emergency the role is needed again");
    }

    @Test
    void hostileBodiesAreRefusedAuditedAndChangeNothing() throws Exception {
        assertEquals("success", scene.clinician.elevate(DemoRealm.CLINICIAN, "Sepsis alert, lab history needed").params().get("kc_action_status"));
        BreakGlassApi reviewer = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER);
        String decision = "cases/" + reviewer.cases("open").get(0).get("id") + "/decision";
        BreakGlassApi iamAdmin = scene.apiAs(BreakGlassApi.IAM_ADMIN);
        long until = Instant.now().getEpochSecond() + 3600;
        String oversized = "{\"notes\":\"" + "x".repeat(JsonBody.MAX_BYTES) + "\"}";

        assertRefused(400, "the body is not valid JSON", reviewer.postJson(decision, "{\"decision\": \"approve\", \"notes\": "));
        assertRefused(400, "the body must be a JSON object", reviewer.postJson(decision, "[\"approve\"]"));
        assertRefused(400, "decision must be a string", reviewer.post(decision, Map.of("decision", true, "notes", "Verified")));
        assertRefused(400, "notes must be a string", reviewer.post(decision, Map.of("decision", "approve", "notes", List.of("Verified"))));
        assertRefused(413, "the body is larger than " + JsonBody.MAX_BYTES + " bytes", reviewer.postJson(decision, oversized));
        assertRefused(415, "the body must be application/json", reviewer.postAs(decision, "text/plain", "approve: verified"));
        assertRefused(415, "the body must be application/json", reviewer.postAs(decision, "application/x-www-form-urlencoded",
                "decision=approve&notes=Verified"));
        assertEquals("open", reviewer.cases(null).get(0).get("status"), "no refused decision was recorded");

        assertRefused(400, "the body is not valid JSON", iamAdmin.postJson("emergency", "reason=EHR+down"));
        assertRefused(400, "reason must be a string", iamAdmin.post("emergency", Map.of("reason", 42, "until", until)));
        assertRefused(400, "until must be epoch seconds in the future, at most 604800 s ahead",
                iamAdmin.post("emergency", Map.of("reason", "EHR downtime", "until", Long.toString(until))));
        assertRefused(413, "the body is larger than " + JsonBody.MAX_BYTES + " bytes", iamAdmin.postJson("emergency", oversized));
        assertRefused(415, "the body must be application/json", iamAdmin.postAs("emergency", "application/x-www-form-urlencoded",
                "reason=EHR+down&until=" + until));
        assertNull(realm.admin().toRepresentation().getAttributes().get(DeclaredEmergencyAttributes.UNTIL), "no emergency was declared");

        assertFalse(scene.trail().records(r -> isRefusal(r, "cases/{id}/decision", "the body is not valid JSON")
                && BreakGlassApi.PRIVACY_OFFICER.equals(r.at("user.name"))).isEmpty(), "a malformed decision is audited");
        assertFalse(scene.trail().records(r -> isRefusal(r, "emergency", "the body is larger than " + JsonBody.MAX_BYTES + " bytes")
                && BreakGlassApi.IAM_ADMIN.equals(r.at("user.name"))).isEmpty(), "an oversized declaration is audited");
        assertFalse(scene.trail().records(r -> isRefusal(r, "cases/{id}/decision", "the body must be application/json")
                && BreakGlassApi.PRIVACY_OFFICER.equals(r.at("user.name"))).isEmpty(), "a decision that is not JSON is audited");
        assertFalse(scene.trail().records(r -> isRefusal(r, "emergency", "the body must be application/json")
                && BreakGlassApi.IAM_ADMIN.equals(r.at("user.name"))).isEmpty(), "a declaration that is not JSON is audited");
    }

    @Test
    void aPersonsAdmAccountCannotDecideTheCaseOfHerWorkforceAccount() throws Exception {
        assertEquals("success", scene.clinician.elevate(DemoRealm.CLINICIAN, "Trauma bay, imaging history needed").params()
                .get("kc_action_status"));
        // adm-jsmith4821 is jsmith4821's own privileged account (employee number 4821); here it reviews too
        String twin = realm.admin().users().search(DemoRealm.IAM_ADMIN, true).get(0).getId();
        realm.admin().users().get(twin).roles().realmLevel()
                .add(List.of(realm.admin().roles().get("privacy-officer").toRepresentation()));
        BreakGlassApi twinReviewer = scene.apiAs(DemoRealm.IAM_ADMIN);
        String caseId = (String) twinReviewer.cases("open").get(0).get("id");

        HttpResponse<String> approved = twinReviewer.post("cases/" + caseId + "/decision",
                Map.of("decision", "approve", "notes", "Justified, I was there"));
        assertRefused(403, "nobody reviews their own break-glass case", approved);
        assertEquals("open", twinReviewer.caseById(caseId).get("status"), "the refused approval changes nothing");
        assertFalse(scene.trail().records(r -> isRefusal(r, "cases/{id}/decision", "nobody reviews their own break-glass case")
                && DemoRealm.IAM_ADMIN.equals(r.at("user.name"))).isEmpty(), "the approval by the same person is audited");

        HttpResponse<String> byAnotherPerson = scene.apiAs(BreakGlassApi.PRIVACY_OFFICER).post("cases/" + caseId + "/decision",
                Map.of("decision", "approve", "notes", "Trauma activation on record"));
        assertEquals(200, byAnotherPerson.statusCode(), byAnotherPerson.body());
    }

    private static void assertRefused(int status, String reason, HttpResponse<String> response) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(reason, BreakGlassApi.JSON.readValue(response.body(), Map.class).get("reason"));
    }

    /** An audited refusal of this API at `path` for `reason`. */
    private static boolean isRefusal(AuditTrail.StoredRecord r, String path, String reason) {
        return HipaaEvents.API_REFUSED.equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && BundleApi.BREAK_GLASS.path().equals(r.at("unmapped.keycloak.details.api"))
                && path.equals(r.at("unmapped.keycloak.details.path"))
                && reason.equals(r.at("unmapped.keycloak.details.reason"));
    }
}
