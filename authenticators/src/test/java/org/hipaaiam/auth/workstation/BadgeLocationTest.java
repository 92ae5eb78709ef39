package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.junit.jupiter.api.Test;

class BadgeLocationTest {

    private final Workstation ward = Workstation.of(new WorkstationView("ward-3", "clinical", "Ward 3", "10.3.0.0/16", null));
    private final Workstation bed = Workstation.of(new WorkstationView("ward-3-bay-1", "mobile-cart", "Ward 3 bay 1", "10.3.1.7/32", null));

    @Test
    void theMostSpecificWorkstationNetworkWins() throws Exception {
        BadgeLocation location = BadgeLocation.of(InetAddress.getByName("10.3.1.7"), List.of(ward, bed), List.of(), List.of(), false);
        assertEquals(BadgeLocation.Basis.WORKSTATION, location.basis());
        assertEquals("ward-3-bay-1", location.workstation().orElseThrow().id());
    }

    @Test
    void configuredNetworksAllowBadgesWithoutAWorkstation() throws Exception {
        BadgeLocation location = BadgeLocation.of(InetAddress.getByName("192.168.7.7"), List.of(ward), List.of(Cidr.parse("192.168.0.0/16")),
                List.of(), false);
        assertEquals(BadgeLocation.Basis.NETWORK, location.basis());
        assertTrue(location.workstation().isEmpty());
    }

    @Test
    void aDeclaredEmergencyOpensOnlyTheEmergencyNetworks() throws Exception {
        List<Cidr> clinical = List.of(Cidr.parse("10.0.0.0/8"));
        InetAddress overflowWard = InetAddress.getByName("10.40.2.9");
        assertFalse(BadgeLocation.of(overflowWard, List.of(ward), List.of(), clinical, false).allowsBadge(), "not without an emergency");
        assertEquals(BadgeLocation.Basis.EMERGENCY, BadgeLocation.of(overflowWard, List.of(ward), List.of(), clinical, true).basis());

        InetAddress home = InetAddress.getByName("203.0.113.9");
        assertFalse(BadgeLocation.of(home, List.of(ward), List.of(), clinical, true).allowsBadge(),
                "the internet stays closed during an emergency");
        assertFalse(BadgeLocation.of(overflowWard, List.of(ward), List.of(), List.of(), true).allowsBadge(),
                "without emergency networks an emergency widens nothing");
        assertFalse(BadgeLocation.of(null, List.of(ward), List.of(), clinical, true).allowsBadge(), "an unknown address is nowhere");
    }

    @Test
    void duringAnEmergencyWorkstationsAndBadgeNetworksKeepTheirOwnBasis() throws Exception {
        assertEquals(BadgeLocation.Basis.WORKSTATION, BadgeLocation.of(InetAddress.getByName("10.3.0.9"), List.of(ward), List.of(),
                List.of(Cidr.parse("10.0.0.0/8")), true).basis());
    }

    @Test
    void emergencyIsActiveUntilItsEnd() {
        assertTrue(DeclaredEmergencyAttributes.activeAt("1000", 999));
        assertFalse(DeclaredEmergencyAttributes.activeAt("1000", 1000));
        assertFalse(DeclaredEmergencyAttributes.activeAt("soon", 1));
        assertFalse(DeclaredEmergencyAttributes.activeAt(null, 1));
    }

    @Test
    void aMalformedNetworkListAllowsNothingAndIsReported() {
        List<String> reported = new ArrayList<>();
        RealmSettings settings = RealmSettings.of(Map.of(BadgeLocation.NETWORKS.key(), "10.20.0.0/16, ward-1.hospital.example"),
                (setting, configured, problem) -> reported.add(problem));
        assertEquals(List.of(), settings.get(BadgeLocation.NETWORKS));
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith("hipaa.badge.networks"), reported.get(0));
    }

    @Test
    void aMalformedEmergencyNetworkListOpensNothing() {
        RealmSettings settings = RealmSettings.of(Map.of(BadgeLocation.EMERGENCY_NETWORKS.key(), "0.0.0.0/0, anywhere"),
                (setting, configured, problem) -> { });
        assertEquals(List.of(), settings.get(BadgeLocation.EMERGENCY_NETWORKS));
        assertEquals(List.of(), RealmSettings.of(Map.of(), (setting, configured, problem) -> { }).get(BadgeLocation.EMERGENCY_NETWORKS),
                "none by default");
    }

    @Test
    void aWellFormedNetworkListIsUsed() throws Exception {
        RealmSettings settings = RealmSettings.of(Map.of(BadgeLocation.NETWORKS.key(), " 10.20.0.0/16 , 2001:db8::/32"),
                (setting, configured, problem) -> { throw new AssertionError(problem); });
        List<Cidr> networks = settings.get(BadgeLocation.NETWORKS);
        assertEquals(2, networks.size());
        assertTrue(BadgeLocation.of(InetAddress.getByName("10.20.4.4"), List.of(), networks, List.of(), false).allowsBadge());
    }
}
