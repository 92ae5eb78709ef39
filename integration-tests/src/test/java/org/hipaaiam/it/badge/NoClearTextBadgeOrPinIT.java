package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.testfixtures.ReaderAgent;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * After enrolment, badge sign-ins, a wrong PIN, a signed reader tap and admin badge changes, neither the badge
 * numbers nor the PINs appear anywhere a person with access to the server could read them: the server log, the
 * audit ledger, Keycloak's login and admin events, or the admin API's view of the user and her credentials.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class NoClearTextBadgeOrPinIT {

    /** Long, distinctive values, so a match cannot be a timestamp or an id by chance. */
    static final String BADGE = "ZQ4821XK93QW";
    static final String PIN = "730519846273";
    static final String WRONG_PIN = "730519846274";
    static final String READER_BADGE = "RDR7731PLX02";
    static final String ADMIN_BADGE = "ADM5590QTZ81";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @Test
    void badgeNumbersAndPinsAreNowhereInClearText() throws Exception {
        BadgeAdminApi admin = ward.asIamAdmin();
        ReaderAgent reader = new ReaderAgent("clinic-07");
        assertEquals(200, ward.registerWorkstation("clinic-07", Map.of("class", "clinical", "location", "Clinic 7",
                "network", "127.0.0.1/32", "publicKey", reader.publicKeyPem())).statusCode());
        Clinician nurse = ward.newClinician();
        Clinician other = ward.newClinician();
        ward.enrol(nurse.username(), BADGE, PIN);
        ward.allowQuickRetries();

        ward.signInWithBadgeAfterAWrongPin(BADGE, WRONG_PIN, PIN);
        ward.openSignIn();
        ward.tapPage().tap(reader.tap(DemoRealm.NAME, READER_BADGE));
        ward.pinPage().enterPin(PIN);
        assertEquals(200, admin.assignBadge(other.id(), ADMIN_BADGE).statusCode());
        assertEquals(200, admin.revokeBadge(other.id()).statusCode());

        UserRepresentation view = realm.admin().users().get(nurse.id()).toRepresentation();
        String adminView = JSON.writeValueAsString(view) + JSON.writeValueAsString(realm.admin().users().get(nurse.id()).credentials())
                + JSON.writeValueAsString(realm.admin().users().get(other.id()).toRepresentation());
        String events = JSON.writeValueAsString(realm.admin().getEvents()) + JSON.writeValueAsString(realm.admin().getAdminEvents());
        String ledger = String.join("\n", AuditTrail.all().records(r -> true).stream().map(AuditTrail.StoredRecord::text).toList());
        String serverLog = Files.readString(HipaaServerConfig.SERVER_LOG, StandardCharsets.UTF_8);

        assertTrue(ledger.contains("badge-sign-in"), "the ledger did record the badge sign-ins");
        assertTrue(serverLog.length() > 0, "the server log was written");
        for (String secret : List.of(BADGE, PIN, WRONG_PIN, READER_BADGE, ADMIN_BADGE)) {
            assertFalse(adminView.contains(secret), "admin API view of users and credentials contains " + secret);
            assertFalse(events.contains(secret), "Keycloak events contain " + secret);
            assertFalse(ledger.contains(secret), "audit ledger contains " + secret);
            assertFalse(serverLog.contains(secret), "server log contains " + secret);
        }
        assertTrue(view.getAttributes() == null || view.getAttributes().keySet().stream().noneMatch(k -> k.startsWith("hipaaBadge")),
                "even the keyed hash is not shown to admins: " + view.getAttributes());
    }

    @Test
    void editingTheUserInTheAdminApiKeepsTheBadge() throws Exception {
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "846103");
        ward.registerWorkstation("clinic-08", Map.of("class", "clinical", "location", "Clinic 8", "network", "127.0.0.1/32"));

        UserRepresentation user = realm.admin().users().get(nurse.id()).toRepresentation();
        user.setFirstName("Renamed");
        realm.admin().users().get(nurse.id()).update(user);

        assertEquals(nurse.username(), ward.idToken(ward.signInWithBadge(nurse.badge(), "846103")).getStringClaim("preferred_username"));
    }
}
