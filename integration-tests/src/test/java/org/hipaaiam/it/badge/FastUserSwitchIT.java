package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.Map;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Tap-and-go: the next clinician's tap at a shared workstation ends the previous clinician's session there. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class FastUserSwitchIT extends BadgeWardTest {


    @BeforeEach
    void registerWorkstation() throws Exception {
        assertEquals(200, ward.asIamAdmin().putWorkstation("ward-2-nurses-station",
                Map.of("class", "clinical", "location", "Ward 2 nurses' station", "network", "127.0.0.1/32")).statusCode());
    }

    @Test
    void secondClinicianTapEndsTheFirstClinicianSessionAndIsAudited() throws Exception {
        String first = ward.createClinician("fbadge6301", "6301");
        String second = ward.createClinician("gbadge6302", "6302");
        ward.enrol("fbadge6301", "0006301", "815204");
        ward.enrol("gbadge6302", "0006302", "926315");
        endSessionsOf(first);
        endSessionsOf(second);

        ward.idToken(ward.signInWithBadge("0006301", "815204"));
        assertEquals(1, realm.admin().users().get(first).getUserSessions().size());
        String firstSession = realm.admin().users().get(first).getUserSessions().get(0).getId();

        long start = System.currentTimeMillis();
        ward.idToken(ward.signInWithBadge("0006302", "926315"));

        assertEquals(0, realm.admin().users().get(first).getUserSessions().size(), "the first clinician's session ended");
        assertEquals(1, realm.admin().users().get(second).getUserSessions().size(), "the second clinician is signed in");
        AuditTrail.StoredRecord handover = AuditTrail.single(r -> r.at("time") instanceof Number time && time.longValue() >= start
                && "badge-switch-user".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        assertEquals("fbadge6301", handover.at("user.name"));
        assertEquals(firstSession, handover.at("actor.session.uid"));
        assertEquals("ward-2-nurses-station", handover.at("unmapped.keycloak.details.workstation_id"));
        assertEquals(second, handover.at("unmapped.keycloak.details.next_user_id"));
    }

    @Test
    void nextClinicianInTheSameBrowserTakesOverTheWorkstation() throws Exception {
        String first = ward.createClinician("pbadge6304", "6304");
        String second = ward.createClinician("qbadge6305", "6305");
        ward.enrol("pbadge6304", "0006304", "518204");
        ward.enrol("qbadge6305", "0006305", "629315");
        endSessionsOf(first);
        endSessionsOf(second);

        ward.idToken(ward.signInWithBadge("0006304", "518204"));
        JWTClaimsSet next = ward.idToken(ward.signInWithBadgeInSameBrowser("0006305", "629315"));

        assertEquals("qbadge6305", next.getStringClaim("preferred_username"));
        assertEquals(0, realm.admin().users().get(first).getUserSessions().size(), "the first clinician's session ended");
        assertEquals(1, realm.admin().users().get(second).getUserSessions().size());
    }

    @Test
    void sameClinicianTappingAgainKeepsHerSessionAlive() throws Exception {
        String nurse = ward.createClinician("hbadge6303", "6303");
        ward.enrol("hbadge6303", "0006303", "730416");
        endSessionsOf(nurse);

        ward.idToken(ward.signInWithBadge("0006303", "730416"));
        ward.idToken(ward.signInWithBadge("0006303", "730416"));

        assertEquals(2, realm.admin().users().get(nurse).getUserSessions().size(),
                "her own earlier session is not ended by her own tap");
    }

    /** Enrolment signed in with password and one-time code; that session is not the workstation's. */
    private void endSessionsOf(String userId) {
        realm.admin().users().get(userId).logout();
    }
}
