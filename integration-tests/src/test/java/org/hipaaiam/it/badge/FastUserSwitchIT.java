package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jwt.JWTClaimsSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** Tap-and-go: the next clinician's tap at a shared workstation ends the previous clinician's session there. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class FastUserSwitchIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @BeforeEach
    void registerWorkstation() throws Exception {
        assertEquals(200, ward.registerWorkstation("ward-2-nurses-station",
                Map.of("class", "clinical", "location", "Ward 2 nurses' station", "network", "127.0.0.1/32")).statusCode());
    }

    @Test
    void secondClinicianTapEndsTheFirstClinicianSessionAndIsAudited() throws Exception {
        List<Clinician> nurses = enrolledWithoutSessions("815204", "926315");
        Clinician first = nurses.get(0);
        Clinician second = nurses.get(1);

        ward.idToken(ward.signInWithBadge(first.badge(), "815204"));
        assertEquals(1, sessionsOf(first));
        String firstSession = realm.admin().users().get(first.id()).getUserSessions().get(0).getId();

        AuditTrail trail = AuditTrail.fromNow();
        ward.idToken(ward.signInWithBadge(second.badge(), "926315"));

        assertEquals(0, sessionsOf(first), "the first clinician's session ended");
        assertEquals(1, sessionsOf(second), "the second clinician is signed in");
        AuditTrail.StoredRecord handover = trail.single(r -> "badge-switch-user".equals(r.at("unmapped.keycloak.details.hipaa_event")));
        assertEquals(first.username(), handover.at("user.name"));
        assertEquals(firstSession, handover.at("actor.session.uid"));
        assertEquals("ward-2-nurses-station", handover.at("unmapped.keycloak.details.workstation_id"));
        assertEquals(second.id(), handover.at("unmapped.keycloak.details.next_user_id"));
    }

    @Test
    void nextClinicianInTheSameBrowserTakesOverTheWorkstation() throws Exception {
        List<Clinician> nurses = enrolledWithoutSessions("518204", "629315");
        Clinician first = nurses.get(0);
        Clinician second = nurses.get(1);

        ward.idToken(ward.signInWithBadge(first.badge(), "518204"));
        JWTClaimsSet next = ward.idToken(ward.signInWithBadgeInSameBrowser(second.badge(), "629315"));

        assertEquals(second.username(), next.getStringClaim("preferred_username"));
        assertEquals(0, sessionsOf(first), "the first clinician's session ended");
        assertEquals(1, sessionsOf(second));
    }

    @Test
    void sameClinicianTappingAgainKeepsHerSessionAlive() throws Exception {
        Clinician nurse = enrolledWithoutSessions("730416").get(0);

        ward.idToken(ward.signInWithBadge(nurse.badge(), "730416"));
        ward.idToken(ward.signInWithBadge(nurse.badge(), "730416"));

        assertEquals(2, sessionsOf(nurse), "her own earlier session is not ended by her own tap");
    }

    /** Clinicians enrolled with these PINs; enrolment signed in with password and one-time code, and that session is not the workstation's. */
    private List<Clinician> enrolledWithoutSessions(String... pins) throws Exception {
        List<Clinician> nurses = new ArrayList<>();
        for (String pin : pins) {
            Clinician nurse = ward.newClinician();
            ward.enrol(nurse, pin);
            nurses.add(nurse);
        }
        nurses.forEach(nurse -> realm.admin().users().get(nurse.id()).logout());
        return nurses;
    }

    private int sessionsOf(Clinician nurse) {
        return realm.admin().users().get(nurse.id()).getUserSessions().size();
    }
}
