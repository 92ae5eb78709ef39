package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hipaaiam.events.alert.AlertSettings;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.Alerts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.testfixtures.WebhookReceiver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * The due-check task applies each realm's and each account's scheduled changes on their own: a value it cannot
 * read is skipped, recorded in the audit trail and alerted, and every other due change is still applied.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class ScheduledChangesIT {

    private static final String OTHER_REALM = "clinic-c";
    private static final int SOC_PORT = 8085;
    private static final String LONG_AGO = "2026-01-05T08:00:00Z";

    // A fresh realm per test: due separations disable accounts.
    @InjectRealm(fromJson = DemoRealm.JSON, lifecycle = LifeCycle.METHOD)
    ManagedRealm realm;

    @InjectAdminClient
    Keycloak admin;

    @InjectScene
    LifecycleScene scene;

    @AfterEach
    void deleteTheOtherRealm() {
        if (admin.realms().findAll().stream().anyMatch(r -> OTHER_REALM.equals(r.getRealm()))) {
            admin.realm(OTHER_REALM).remove();
        }
    }

    @Test
    void anUnreadableScheduledChangeStopsNeitherItsRealmNorAnother() throws Exception {
        WebhookReceiver soc = WebhookReceiver.listen(SOC_PORT);
        try (soc) {
            scene.setRealmAttribute(AlertSettings.WEBHOOK_URL.key(), "http://127.0.0.1:" + SOC_PORT + "/alerts");
            Accounts.Account garbledSeparation = Accounts.withoutCredentials(realm, "gwright", separationDue("hr-sep-garbled", "next Tuesday"));
            Accounts.Account garbledLeave = Accounts.withoutCredentials(realm, "lhall", Map.of("hipaa.leave.state", "scheduled",
                    "hipaa.leave.eventId", "loa-garbled", "hipaa.leave.startsAt", "soon"));
            Accounts.Account due = Accounts.withoutCredentials(realm, "dking", separationDue("hr-sep-due", LONG_AGO));
            String otherRealmsDue = dueAccountInAnotherRealm();

            scene.awaitEnabled(due.username(), false, Duration.ofSeconds(15));
            awaitDisabledInOtherRealm(otherRealmsDue, Duration.ofSeconds(15));

            assertTrue(scene.user(garbledSeparation.username()).isEnabled(), "an unreadable time applies nothing");
            assertTrue(scene.user(garbledLeave.username()).isEnabled(), "an unreadable start applies nothing");
            StoredRecord separationSkipped = skipped(garbledSeparation);
            assertEquals("hipaa.separation.effectiveAt", separationSkipped.at("unmapped.keycloak.details.attribute"), separationSkipped.text());
            assertEquals("Failure", separationSkipped.at("status"), separationSkipped.text());
            assertEquals("hipaa.leave.startsAt", skipped(garbledLeave).at("unmapped.keycloak.details.attribute"));
            assertEquals(Set.of(garbledSeparation.id(), garbledLeave.id()), alertedAccounts(soc, 2));
        }
    }

    private static Map<String, String> separationDue(String eventId, String effectiveAt) {
        return Map.of("hipaa.separation.pending", "true", "hipaa.separation.eventId", eventId, "hipaa.separation.effectiveAt", effectiveAt);
    }

    /** A realm another team created through the admin API, with the bundle's policies on and one separation due. */
    private String dueAccountInAnotherRealm() {
        RealmRepresentation rep = new RealmRepresentation();
        rep.setRealm(OTHER_REALM);
        rep.setEnabled(true);
        rep.setAttributes(Map.of("hipaa.policies.enabled", "true"));
        admin.realms().create(rep);
        RealmResource other = admin.realm(OTHER_REALM);
        UPConfig profile = other.users().userProfile().getConfiguration();
        profile.setUnmanagedAttributePolicy(UPConfig.UnmanagedAttributePolicy.ADMIN_EDIT);
        other.users().userProfile().update(profile);
        UserRepresentation user = new UserRepresentation();
        String number = Accounts.newEmployeeNumber();
        user.setUsername("cgreen" + number);
        user.setEnabled(true);
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("employeeNumber", List.of(number));
        separationDue("hr-sep-clinic-c", LONG_AGO).forEach((name, value) -> attributes.put(name, List.of(value)));
        user.setAttributes(attributes);
        try (Response created = other.users().create(user)) {
            assertEquals(201, created.getStatus(), created.readEntity(String.class));
        }
        return user.getUsername();
    }

    private void awaitDisabledInOtherRealm(String username, Duration within) throws InterruptedException {
        RealmResource other = admin.realm(OTHER_REALM);
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (other.users().search(username, true).get(0).isEnabled() && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(false, other.users().search(username, true).get(0).isEnabled(), username + " in " + OTHER_REALM + " separated when due");
    }

    private StoredRecord skipped(Accounts.Account account) throws Exception {
        return scene.trail().single(r -> "scheduled-change-invalid".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && account.id().equals(r.at("user.uid")));
    }

    /** The accounts named by the next `count` alerts of the rule for unreadable scheduled changes. */
    private Set<Object> alertedAccounts(WebhookReceiver soc, int count) throws Exception {
        List<Map<?, ?>> alerts = new ArrayList<>();
        while (alerts.size() < count) {
            Map<?, ?> alert = Alerts.parse(soc.next(20).body());
            if ("scheduled-change-invalid".equals(alert.get("rule")) && Alerts.isAboutThisImport(realm, alert)) {
                alerts.add(alert);
            }
        }
        return alerts.stream().map(a -> ((Map<?, ?>) a.get("user")).get("id")).collect(Collectors.toSet());
    }
}
