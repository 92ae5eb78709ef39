package org.hipaaiam.it.badge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hipaaiam.it.badge.BadgeWard.Clinician;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.HipaaServerConfig;
import org.hipaaiam.it.support.InjectScene;
import org.hipaaiam.testfixtures.ReaderAgent;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.keycloak.testframework.realm.ManagedRealm;

/**
 * Where badge + PIN is allowed, and signed reader taps: an unregistered network gets password + one-time code, a
 * declared emergency opens badge + PIN on the configured clinical networks only, a reader's signed tap signs in,
 * and replayed, expired or wrong-network taps are refused.
 */
@KeycloakIntegrationTest(config = HipaaServerConfig.class)
class WorkstationLocationIT {

    static final String BADGE_NETWORKS = "hipaa.badge.networks";
    static final String EMERGENCY_NETWORKS = "hipaa.badge.emergencyNetworks";

    @InjectRealm(fromJson = DemoRealm.JSON)
    ManagedRealm realm;

    @InjectScene
    BadgeWard ward;

    @Test
    void unregisteredNetworkGetsPasswordAndOneTimeCodeNotTheTapPage() throws Exception {
        ward.setRealmAttribute(BADGE_NETWORKS, "10.99.0.0/16");
        assertEquals(200, ward.registerWorkstation("ward-9-cart", Map.of("class", "mobile-cart", "location", "Ward 9",
                "network", "10.9.0.0/24")).statusCode());

        ward.openSignIn();
        assertFalse(ward.tapPage().isShown(), "no badge sign-in from an unregistered network");
        assertTrue(ward.signInPage().isShown());
    }

    @Test
    void realmThatHasNotEnabledTheBundlesPoliciesOffersNoBadgeSignIn() throws Exception {
        ward.setRealmAttribute(BADGE_NETWORKS, "127.0.0.0/8");
        ward.setRealmAttribute("hipaa.policies.enabled", "false");

        ward.openSignIn();
        assertFalse(ward.tapPage().isShown(), "badge sign-in is a policy of realms that enable the bundle's policies");
        assertTrue(ward.signInPage().isShown());
    }

    @Test
    void declaredEmergencyOffersNoBadgeSignInOutsideTheEmergencyNetworks() throws Exception {
        ward.declareEmergencyFor(Duration.ofMinutes(10));
        ward.openSignIn();
        assertFalse(ward.tapPage().isShown(), "no emergency networks configured: the emergency widens nothing");

        // the hospital's clinical networks; this browser comes from 127.0.0.1, as a home or internet address would from elsewhere
        ward.setRealmAttribute(EMERGENCY_NETWORKS, "10.0.0.0/8");
        ward.openSignIn();
        assertFalse(ward.tapPage().isShown(), "an emergency does not open badge + PIN outside the clinical networks");
        assertTrue(ward.signInPage().isShown());
    }

    @Test
    void declaredEmergencyOffersBadgeSignInOnTheClinicalNetworks() throws Exception {
        ward.setRealmAttribute(EMERGENCY_NETWORKS, "127.0.0.0/8");
        ward.openSignIn();
        assertFalse(ward.tapPage().isShown(), "an emergency network without an emergency is like any other");

        ward.declareEmergencyFor(Duration.ofMinutes(10));
        ward.openSignIn();
        assertTrue(ward.tapPage().isShown());
        assertTrue(ward.tapPage().emergencyNotice().contains("Emergency mode"), "the tap page says why it is offered");
    }

    @Test
    void signedReaderTapSignsInAndItsReplayIsRefused() throws Exception {
        ReaderAgent reader = registerReader("icu-04", "127.0.0.1/32");
        Clinician nurse = ward.newClinician();
        ward.enrol(nurse, "640218");

        String tap = reader.tap(DemoRealm.NAME, nurse.badge());
        assertEquals(List.of("pwd"), ward.idToken(ward.signInWithBadge(tap, "640218")).getStringListClaim("amr"));

        ward.openSignIn();
        ward.tapPage().tap(tap);
        assertTrue(ward.tapPage().isShown(), "a replayed tap goes no further");
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.tapPage().error());
        assertRefusalAudited("replayed");
    }

    @Test
    void expiredOrForgedReaderTapIsRefused() throws Exception {
        ReaderAgent reader = registerReader("icu-05", "127.0.0.1/32");
        long now = System.currentTimeMillis() / 1000;

        ward.openSignIn();
        ward.tapPage().tap(reader.tap(DemoRealm.NAME, "0006202", now - 120, now - 90, UUID.randomUUID().toString()));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.tapPage().error());
        assertRefusalAudited("expired");

        ward.openSignIn();
        ward.tapPage().tap(new ReaderAgent("icu-05").tap(DemoRealm.NAME, "0006202"));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.tapPage().error());
        assertRefusalAudited("bad_signature");
    }

    @Test
    void readerTapFromOutsideItsWorkstationsNetworkIsRefused() throws Exception {
        ward.setRealmAttribute(BADGE_NETWORKS, "127.0.0.0/8");
        ReaderAgent reader = registerReader("or-theatre-2", "10.40.2.0/24");

        ward.openSignIn();
        ward.tapPage().tap(reader.tap(DemoRealm.NAME, "0006203"));
        assertEquals(BadgeSignInIT.GENERIC_ERROR, ward.tapPage().error());
        assertRefusalAudited("wrong_network");
    }

    private ReaderAgent registerReader(String id, String network) throws Exception {
        ReaderAgent reader = new ReaderAgent(id);
        HttpResponse<String> registered = ward.registerWorkstation(id, Map.of("class", "clinical", "location", "ICU",
                "network", network, "publicKey", reader.publicKeyPem()));
        assertEquals(200, registered.statusCode(), registered.body());
        return reader;
    }

    private void assertRefusalAudited(String reason) throws Exception {
        assertFalse(ward.trail().records(r -> "badge-tap-refused".equals(r.at("unmapped.keycloak.details.hipaa_event"))
                && reason.equals(r.at("unmapped.keycloak.details.reason"))).isEmpty(), "refusal '" + reason + "' is in the audit trail");
    }
}
