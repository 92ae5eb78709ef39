package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/** Enrolment after a full sign-in: a badge bound to someone else is refused, weak PINs are refused, then it works. */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class BadgeEnrolmentIT extends BadgeWardTest {


    @Test
    void badgeBoundToAnotherUserIsRefusedAndWeakPinsTooThenEnrolmentSucceeds() throws Exception {
        ward.createClinician("ibadge6401", "6401");
        String newcomer = ward.createClinician("jbadge6402", "6402");
        ward.enrol("ibadge6401", "0006401", "472915");

        ward.requireEnrolment("jbadge6402");
        ward.signInWithPassword("jbadge6402");
        BadgePages pages = ward.pages();
        pages.enrol("0006401", "583914", "583914");
        assertTrue(pages.showsEnrolment());
        assertEquals("This badge cannot be set up for you. Contact the service desk.", pages.error(),
                "the other holder is not named");
        assertFalse(AuditTrail.records(r -> "badge-enrolment-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && "jbadge6402".equals(r.at("user.name"))).isEmpty(), "the refusal is audited");

        pages.enrol("0006402", "123456", "123456");
        assertEquals("This PIN is too easy to guess. Avoid repeated digits, sequences and common PINs.", pages.error());
        pages.enrol("0006402", "583914", "583915");
        assertEquals("The two PINs do not match.", pages.error());

        pages.enrol("0006402", "583914", "583914");
        ward.app.next();
        Map<String, Object> status = BadgeAdminApi.body(ward.asIamAdmin().badgeStatus(newcomer));
        assertEquals(Boolean.TRUE, status.get("badgeEnrolled"), status.toString());
        assertEquals(Boolean.TRUE, status.get("pinSet"), status.toString());
    }

    @Test
    void adminCannotAssignABadgeAlreadyBoundToSomeoneElse() throws Exception {
        String holder = ward.createClinician("kbadge6403", "6403");
        String other = ward.createClinician("lbadge6404", "6404");
        BadgeAdminApi admin = ward.asIamAdmin();
        assertEquals(200, admin.assignBadge(holder, "0006403").statusCode());

        var refused = admin.assignBadge(other, "0006403");
        assertEquals(409, refused.statusCode());
        assertEquals("conflict", BadgeAdminApi.body(refused).get("error"));
        assertEquals(Boolean.FALSE, BadgeAdminApi.body(admin.badgeStatus(other)).get("badgeEnrolled"), "nothing changed");
    }
}
