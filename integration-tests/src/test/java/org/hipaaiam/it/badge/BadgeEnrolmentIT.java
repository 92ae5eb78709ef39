package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.BadgeEnrolmentPage;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/** Enrolment after a full sign-in: a badge bound to someone else is refused, weak PINs are refused, then it works. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgeEnrolmentIT {

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @Test
    void badgeBoundToAnotherUserIsRefusedAndWeakPinsTooThenEnrolmentSucceeds() throws Exception {
        Clinician holder = ward.newClinician();
        Clinician newcomer = ward.newClinician();
        ward.enrol(holder, "472915");

        ward.requireEnrolment(newcomer.username());
        ward.signInWithPassword(newcomer.username());
        BadgeEnrolmentPage page = ward.enrolmentPage();
        page.enrol(holder.badge(), "583914", "583914");
        assertTrue(page.isShown());
        assertEquals("This badge cannot be set up for you. Contact the service desk.", page.error(),
                "the other holder is not named");
        assertFalse(ward.trail().records(r -> "badge-enrolment-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && newcomer.username().equals(r.at("user.name"))).isEmpty(), "the refusal is audited");

        page.enrol(newcomer.badge(), "123456", "123456");
        assertEquals("This PIN is too easy to guess. Avoid repeated digits, sequences and common PINs.", page.error());
        page.enrol(newcomer.badge(), "583914", "583915");
        assertEquals("The two PINs do not match.", page.error());

        page.enrol(newcomer.badge(), "583914", "583914");
        ward.app.next();
        Map<String, Object> status = BadgeAdminApi.body(ward.asIamAdmin().badgeStatus(newcomer.id()));
        assertEquals(Boolean.TRUE, status.get("badgeEnrolled"), status.toString());
        assertEquals(Boolean.TRUE, status.get("pinSet"), status.toString());
    }

    @Test
    void adminCannotAssignABadgeAlreadyBoundToSomeoneElse() throws Exception {
        Clinician holder = ward.newClinician();
        Clinician other = ward.newClinician();
        BadgeAdminApi admin = ward.asIamAdmin();
        assertEquals(200, admin.assignBadge(holder.id(), holder.badge()).statusCode());

        var refused = admin.assignBadge(other.id(), holder.badge());
        assertEquals(409, refused.statusCode());
        assertEquals("conflict", BadgeAdminApi.body(refused).get("error"));
        assertEquals(Boolean.FALSE, BadgeAdminApi.body(admin.badgeStatus(other.id())).get("badgeEnrolled"), "nothing changed");
    }
}
