package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/** HR reports a separation; every account of the employee is disabled and signed out at once or when it takes effect. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class HrSeparationFeedIT {

    // A fresh realm per test: separations disable accounts of the shipped realm.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectScene
    LifecycleScene scene;

    @Test
    void separationDisablesEveryAccountOfTheEmployeeAndEndsTheirSessions() throws Exception {
        ClinicalAppOnTestPort.SignedIn signedIn = scene.signIn(DemoRealm.CLINICIAN);
        String token = scene.hrToken();

        HrFeed.Answer answer = scene.hr.sendSigned(token, HrFeed.separation("hr-sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER));

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("separated", answer.json().get("status"));
        List<?> accounts = (List<?>) answer.json().get("accounts");
        assertEquals(Set.of(DemoRealm.CLINICIAN, DemoRealm.IAM_ADMIN),
                accounts.stream().map(a -> ((Map<?, ?>) a).get("username")).collect(Collectors.toSet()),
                "the workforce account and the separate admin account share the employee number");
        assertFalse(scene.user(DemoRealm.CLINICIAN).isEnabled());
        assertFalse(scene.user(DemoRealm.IAM_ADMIN).isEnabled());

        String userId = scene.user(DemoRealm.CLINICIAN).getId();
        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout");
        assertEquals(400, scene.app.refresh(signedIn.onlineRefreshToken()), "the online refresh token no longer works");
        assertEquals(400, scene.app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
        StoredRecord revoked = scene.revocationOf(userId);
        assertEquals("hr-feed", revoked.at("unmapped.keycloak.details.revocation_trigger"));
        assertEquals("hr-sep-4821", revoked.at("unmapped.keycloak.details.hr_event_id"));
        LifecycleScene.assertBothSessionsCounted(revoked);
        StoredRecord disabled = scene.trail().single(r -> "UPDATE".equals(r.at("unmapped.keycloak.operation_type"))
                && userId.equals(r.at("user.uid")));
        assertEquals("service-account-hr-feed", disabled.at("actor.user.name"), disabled.text());
        assertEquals("hr-sep-4821", disabled.at("unmapped.keycloak.details.hr_event_id"));

        HrFeed.Answer replay = scene.hr.sendSigned(token, HrFeed.separation("hr-sep-4821", DemoRealm.CLINICIAN_EMPLOYEE_NUMBER));
        assertEquals(409, replay.status());
        assertEquals("replayed_event", replay.json().get("error"));

        HrFeed.Answer evidence = scene.hr.evidence(token);
        assertEquals(200, evidence.status(), evidence.json().toString());
        int separations = ((Number) evidence.json().get("count")).intValue();
        assertTrue(separations >= 2, "both accounts counted: " + evidence.json());
        assertEquals(separations, ((Number) evidence.json().get("withinTarget")).intValue(), "every separation within 1 hour");
        assertTrue(((Map<?, ?>) evidence.json().get("percentiles")).get("max") instanceof Number max && max.longValue() < 3600,
                evidence.json().toString());
    }

    @Test
    void anUnreadableStoredTimeIsCountedApartNotAServerError() throws Exception {
        // An administrator may edit these attributes by hand; the evidence must survive a mistake there.
        Accounts.withoutCredentials(realm, "egarbled", Map.of("hipaa.separation.completed", "true",
                "hipaa.separation.dueAt", "last Friday", "hipaa.separation.endedAt", "2026-11-30T10:00:00Z"));

        HrFeed.Answer evidence = scene.hr.evidence(scene.hrToken());

        assertEquals(200, evidence.status(), evidence.json().toString());
        assertEquals(1, ((Number) evidence.json().get("unreadable")).intValue(), evidence.json().toString());
        assertEquals(0, ((Number) evidence.json().get("count")).intValue(), "no latency is made up for it: " + evidence.json());
    }

    @Test
    void refusedRequestsChangeNothingAndAreAuditedWithTheReason() throws Exception {
        String token = scene.hrToken();
        String body = HrFeed.separation("hr-sep-7310", "7310");
        long now = System.currentTimeMillis() / 1000;

        String otherService = scene.hrFeedTokenWithoutHrRole();
        HrFeed.assertRefused("unauthenticated", 401, scene.hr.sendSigned(null, body));
        HrFeed.assertRefused("forbidden", 403, scene.hr.sendSigned(otherService, body));
        HrFeed.assertRefused("forbidden", 403, scene.hr.evidence(otherService));
        HrFeed.assertRefused("invalid_signature", 401, scene.hr.send(token, body, "not-the-shared-secret", now));
        HrFeed.assertRefused("stale_timestamp", 401, scene.hr.send(token, body, HrFeed.SIGNING_SECRET, now - 600));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendSigned(token, "{\"eventId\": \"hr-sep-7310\""));
        HrFeed.assertRefused("unknown_employee", 404, scene.hr.sendSigned(token, HrFeed.separation("hr-sep-0000", "99990000")));

        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "nothing changed");
        List<StoredRecord> refusals = scene.trail().records(r -> "hr-feed".equals(r.at("unmapped.keycloak.details.api"))
                && "Failure".equals(r.at("status")));
        refusals.forEach(r -> assertEquals("api-refused", r.at("unmapped.keycloak.details.hipaa_event"), r.text()));
        assertEquals(Set.of("unauthenticated", "forbidden", "invalid_signature", "stale_timestamp", "malformed_request", "unknown_employee"),
                refusals.stream().map(r -> r.at("status_detail")).collect(Collectors.toSet()));
        refusals.forEach(r -> assertFalse(r.text().contains(HrFeed.SIGNING_SECRET), "no secret in the audit record"));
    }

    /**
     * A separation signed an hour ago, captured and sent again with a fresh `t=` in front of its header: the
     * header is read once, a repeated key makes it malformed, and the employee keeps their account.
     */
    @Test
    void replayedSeparationWithAFreshTimestampInFrontIsRefusedAndAudited() throws Exception {
        Accounts.Account employee = Accounts.withoutCredentials(realm, "rlopez", Map.of());
        String body = HrFeed.separation("hr-sep-" + employee.employeeNumber(), employee.employeeNumber());
        long now = System.currentTimeMillis() / 1000;
        String capturedAnHourAgo = scene.hr.signature(HrFeed.SIGNING_SECRET, now - 3600, "separations", body);

        HrFeed.Answer replayed = scene.hr.sendWithSignatureHeader(scene.hrToken(), body, "t=" + now + "," + capturedAnHourAgo);

        HrFeed.assertRefused("malformed_signature", 401, replayed);
        assertTrue(scene.user(employee.username()).isEnabled(), "the employee keeps their account");
        StoredRecord refused = scene.trail().single(r -> "malformed_signature".equals(r.at("status_detail")));
        assertEquals("INVALID_SIGNATURE_ERROR", refused.at("unmapped.keycloak.type"), refused.text());
        assertEquals("api-refused", refused.at("unmapped.keycloak.details.hipaa_event"), refused.text());
        assertEquals("hr-feed", refused.at("unmapped.keycloak.details.api"), refused.text());
    }

    /** The path is signed: a leave notice signed for `leaves` and sent to `separations` separates nobody. */
    @Test
    void aSignedLeaveSentToTheSeparationPathIsRefused() throws Exception {
        Accounts.Account employee = Accounts.withoutCredentials(realm, "kwalsh", Map.of());
        String leave = HrFeed.leave("loa-" + employee.employeeNumber(), employee.employeeNumber(), "suspend", "");
        String signedForLeaves = scene.hr.signatureFor(DemoRealm.NAME, "leaves", leave);

        HrFeed.Answer answer = scene.hr.postWithSignatureHeader("separations", "application/json", scene.hrToken(), leave, signedForLeaves);

        HrFeed.assertRefused("invalid_signature", 401, answer);
        assertTrue(scene.user(employee.username()).isEnabled(), "the employee keeps their account");
        StoredRecord refused = scene.trail().single(r -> "invalid_signature".equals(r.at("status_detail")));
        assertEquals("separations", refused.at("unmapped.keycloak.details.path"), refused.text());
    }

    /** The realm is signed: a separation signed for another realm's feed (same secret there) is refused here. */
    @Test
    void aSignatureMadeForAnotherRealmIsRefused() throws Exception {
        Accounts.Account employee = Accounts.withoutCredentials(realm, "tbaker", Map.of());
        String body = HrFeed.separation("hr-sep-" + employee.employeeNumber(), employee.employeeNumber());
        String signedForClinicB = scene.hr.signatureFor("clinic-b", "separations", body);

        HrFeed.assertRefused("invalid_signature", 401,
                scene.hr.postWithSignatureHeader("separations", "application/json", scene.hrToken(), body, signedForClinicB));
        assertTrue(scene.user(employee.username()).isEnabled(), "the employee keeps their account");
    }

    /** Every body names its type, and a body of one type is refused at another type's path, even when signed for it. */
    @Test
    void aBodyWithoutItsTypeOrOfAnotherTypeIsRefused() throws Exception {
        Accounts.Account employee = Accounts.withoutCredentials(realm, "hmoore", Map.of());
        String number = employee.employeeNumber();
        String token = scene.hrToken();

        HrFeed.assertRefused("malformed_request", 400,
                scene.hr.sendSigned(token, "{\"eventId\": \"hr-sep-" + number + "\", \"employeeNumber\": \"" + number + "\"}"));
        HrFeed.assertRefused("malformed_request", 400,
                scene.hr.sendSigned(token, HrFeed.leave("hr-sep-" + number + "-leave", number, "suspend", "")));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendLeave(token,
                "{\"eventId\": \"loa-" + number + "\", \"employeeNumber\": \"" + number + "\", \"action\": \"suspend\"}"));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendLeave(token, HrFeed.separation("loa-" + number + "-sep", number)));
        HrFeed.assertRefused("malformed_request", 400, scene.hr.sendRoster(token, "?mode=apply&confirm=roster-untyped", "application/json",
                "{\"rosterId\": \"roster-untyped\", \"employeeNumbers\": [\"" + number + "\"]}"));

        assertTrue(scene.user(employee.username()).isEnabled(), "nothing changed");
        assertTrue(scene.user(DemoRealm.CLINICIAN).isEnabled(), "the untyped roster disabled nobody");
    }

    /** The scheme before v2 signed only timestamp and body: it is refused with its own code, and changes nothing. */
    @Test
    void aRequestSignedWithTheV1SchemeIsRefused() throws Exception {
        Accounts.Account employee = Accounts.withoutCredentials(realm, "jcarter", Map.of());
        String body = HrFeed.separation("hr-sep-" + employee.employeeNumber(), employee.employeeNumber());
        String v1 = HrFeed.v1Signature(HrFeed.SIGNING_SECRET, System.currentTimeMillis() / 1000, body);

        HrFeed.assertRefused("unsupported_signature_version", 401, scene.hr.sendWithSignatureHeader(scene.hrToken(), body, v1));

        assertTrue(scene.user(employee.username()).isEnabled(), "the employee keeps their account");
        StoredRecord refused = scene.trail().single(r -> "unsupported_signature_version".equals(r.at("status_detail")));
        assertEquals("INVALID_SIGNATURE_ERROR", refused.at("unmapped.keycloak.type"), refused.text());
    }

    /** The HR feed's tokens name it (audience `hipaa-hr-feed`): another client's token is refused, even with the hr-feed role. */
    @Test
    void aTokenIssuedToAnotherClientIsRefusedEvenWithTheHrRole() throws Exception {
        String serviceAccount = scene.serviceClient("payroll-export", null).getServiceAccountUser().getId();
        realm.admin().users().get(serviceAccount).roles().realmLevel()
                .add(List.of(realm.admin().roles().get(HrFeed.ROLE).toRepresentation()));
        String payroll = scene.serviceAccountToken("payroll-export");

        HrFeed.assertRefused("invalid_audience", 401, scene.hr.sendSigned(payroll, HrFeed.separation("hr-sep-7310-payroll", "7310")));
        HrFeed.assertRefused("invalid_audience", 401, scene.hr.evidence(payroll));

        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "nothing changed");
        List<StoredRecord> refused = scene.trail().records(r -> "invalid_audience".equals(r.at("status_detail")));
        assertEquals(Set.of("separations", "evidence"), refused.stream().map(r -> r.at("unmapped.keycloak.details.path")).collect(Collectors.toSet()));
        refused.forEach(r -> assertEquals("hr-feed", r.at("unmapped.keycloak.details.api"), r.text()));
    }

    @Test
    void futureDatedSeparationTakesEffectWhenDueWithTheServerClockMoved() throws Exception {
        scene.signIn(DemoRealm.PRIVACY_OFFICER);
        // Within the realm's 15-minute SSO idle timeout, so the session is still alive to be ended when it is due.
        Instant effectiveAt = Instant.now().plus(Duration.ofMinutes(10));

        HrFeed.Answer answer = scene.hr.sendSigned(scene.hrToken(), "{\"type\": \"separation\", \"eventId\": \"hr-sep-5532\", \"employeeNumber\": \"5532\", \"effectiveAt\": \""
                + effectiveAt + "\"}");

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("scheduled", answer.json().get("status"));
        Thread.sleep(3_000); // more than one due-check interval (2 s): nothing happens before the effective time
        assertTrue(scene.user(DemoRealm.PRIVACY_OFFICER).isEnabled(), "still enabled before the effective time");

        scene.serverClockAhead(Duration.ofMinutes(10).plusSeconds(30));
        String userId = scene.user(DemoRealm.PRIVACY_OFFICER).getId();
        assertEquals(userId, scene.app.nextLogoutToken().get("sub"), "the app hears of the logout once the separation is due");
        scene.awaitEnabled(DemoRealm.PRIVACY_OFFICER, false, Duration.ofSeconds(10));
        assertEquals("hr-feed-scheduled", scene.revocationOf(userId).at("unmapped.keycloak.details.revocation_trigger"));
    }

    @Test
    void rosterReconciliationNamesAccountsHrNoLongerListsAndEmployeesWithoutAccounts() throws Exception {
        HrFeed.Answer answer = scene.hr.sendRoster(scene.hrToken(),
                "{\"type\": \"roster\", \"rosterId\": \"roster-2026-11-22\", \"employeeNumbers\": [\"4821\", \"5532\", \"9050\"]}");

        assertEquals(200, answer.status(), answer.json().toString());
        Set<Object> orphaned = answer.usernames("toDisable");
        assertTrue(orphaned.contains(DemoRealm.OTHER_CLINICIAN), "7310 is not on the roster: " + answer.json());
        assertFalse(orphaned.contains(DemoRealm.CLINICIAN), "4821 is on the roster");
        assertFalse(orphaned.contains("svc-epic-hl7"), "service accounts are exempt");
        assertEquals("dry-run", answer.json().get("mode"));
        assertTrue(((List<?>) answer.json().get("missing")).contains("9050"), "9050 has no account");
        assertTrue(scene.user(DemoRealm.OTHER_CLINICIAN).isEnabled(), "reconciliation reports; it does not disable");
    }
}
