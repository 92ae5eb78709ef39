package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

/**
 * Where badge + PIN is allowed, and signed reader taps: an unregistered network gets password + one-time code,
 * a reader's signed tap signs in, and replayed, expired or wrong-network taps are refused.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class WorkstationLocationIT extends BadgeWardTest {

    private BadgeAdminApi admin;

    @BeforeEach
    void signInAdmin() throws Exception {
        admin = ward.asIamAdmin();
    }

    private final List<String> registered = new java.util.ArrayList<>();

    /** Each test starts from the shipped realm's locations: no badge networks, no workstations. */
    @AfterEach
    void restoreLocations() {
        registered.forEach(id -> admin.send("DELETE", "workstations/" + id, null));
        ward.setRealmAttribute("hipaa.badge.networks", "");
    }

    @Test
    void unregisteredNetworkGetsPasswordAndOneTimeCodeNotTheTapPage() throws Exception {
        ward.setRealmAttribute("hipaa.badge.networks", "10.99.0.0/16");
        registered.add("ward-9-cart");
        assertEquals(200, admin.putWorkstation("ward-9-cart", Map.of("class", "mobile-cart", "location", "Ward 9",
                "network", "10.9.0.0/24")).statusCode());

        ward.openSignIn();
        assertFalse(ward.pages().showsTapPage(), "no badge sign-in from an unregistered network");
        assertTrue(ward.pages().showsPasswordPage());
    }

    @Test
    void realmThatHasNotEnabledTheBundlesPoliciesOffersNoBadgeSignIn() throws Exception {
        ward.setRealmAttribute("hipaa.badge.networks", "127.0.0.0/8");
        ward.setRealmAttribute("hipaa.policies.enabled", "false");
        try {
            ward.openSignIn();
            assertFalse(ward.pages().showsTapPage(), "badge sign-in is a policy of realms that enable the bundle's policies");
            assertTrue(ward.pages().showsPasswordPage());
        } finally {
            ward.setRealmAttribute("hipaa.policies.enabled", "true");
        }
    }

    @Test
    void declaredEmergencyAllowsBadgeSignInFromAnywhere() throws Exception {
        ward.setRealmAttribute("hipaa.emergency.declaredUntil", Long.toString(System.currentTimeMillis() / 1000 + 600));
        try {
            ward.openSignIn();
            assertTrue(ward.pages().showsTapPage());
            assertTrue(browser.driver().getPageSource().contains("Emergency mode"), "the tap page says why it is offered");
        } finally {
            ward.setRealmAttribute("hipaa.emergency.declaredUntil", "");
        }
    }

    @Test
    void signedReaderTapSignsInAndItsReplayIsRefused() throws Exception {
        ReaderAgent reader = registerReader("icu-04", "127.0.0.1/32");
        ward.createClinician("ebadge6201", "6201");
        ward.enrol("ebadge6201", "0006201", "640218");

        String tap = reader.tap(DemoRealm.NAME, "0006201");
        assertEquals(List.of("pwd"), ward.idToken(ward.signInWithBadge(tap, "640218")).getStringListClaim("amr"));

        ward.openSignIn();
        ward.pages().tap(tap);
        assertTrue(ward.pages().showsTapPage(), "a replayed tap goes no further");
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.pages().error());
        assertRefusalAudited("replayed");
    }

    @Test
    void expiredOrForgedReaderTapIsRefused() throws Exception {
        ReaderAgent reader = registerReader("icu-05", "127.0.0.1/32");
        long now = System.currentTimeMillis() / 1000;

        ward.openSignIn();
        ward.pages().tap(reader.tap(DemoRealm.NAME, "0006202", now - 120, now - 90, UUID.randomUUID().toString()));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.pages().error());
        assertRefusalAudited("expired");

        ward.openSignIn();
        ward.pages().tap(new ReaderAgent("icu-05").tap(DemoRealm.NAME, "0006202"));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.pages().error());
        assertRefusalAudited("bad_signature");
    }

    @Test
    void readerTapFromOutsideItsWorkstationsNetworkIsRefused() throws Exception {
        ward.setRealmAttribute("hipaa.badge.networks", "127.0.0.0/8");
        ReaderAgent reader = registerReader("or-theatre-2", "10.40.2.0/24");

        ward.openSignIn();
        ward.pages().tap(reader.tap(DemoRealm.NAME, "0006203"));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.pages().error());
        assertRefusalAudited("wrong_network");
    }

    private ReaderAgent registerReader(String id, String network) {
        ReaderAgent reader = new ReaderAgent(id);
        registered.add(id);
        HttpResponse<String> registered = admin.putWorkstation(id, Map.of("class", "clinical", "location", "ICU",
                "network", network, "publicKey", reader.publicKeyPem()));
        assertEquals(200, registered.statusCode(), registered.body());
        return reader;
    }

    private static void assertRefusalAudited(String reason) throws Exception {
        assertFalse(AuditTrail.records(r -> "badge-tap-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && reason.equals(r.at("unmapped.keycloak.details.reason"))).isEmpty(), "refusal '" + reason + "' is in the audit trail");
    }
}
