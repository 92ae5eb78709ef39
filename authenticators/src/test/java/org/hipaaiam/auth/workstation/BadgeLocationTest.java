package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BadgeLocationTest {

    private final Workstation ward = Workstation.of("ward-3", Map.of("class", "clinical", "location", "Ward 3", "network", "10.3.0.0/16"));
    private final Workstation bed = Workstation.of("ward-3-bay-1", Map.of("class", "mobile-cart", "location", "Ward 3 bay 1", "network", "10.3.1.7/32"));

    @Test
    void theMostSpecificWorkstationNetworkWins() throws Exception {
        BadgeLocation location = BadgeLocation.of(InetAddress.getByName("10.3.1.7"), List.of(ward, bed), List.of(), false);
        assertEquals(BadgeLocation.Basis.WORKSTATION, location.basis());
        assertEquals("ward-3-bay-1", location.workstation().orElseThrow().id());
    }

    @Test
    void configuredNetworksAllowBadgesWithoutAWorkstation() throws Exception {
        BadgeLocation location = BadgeLocation.of(InetAddress.getByName("192.168.7.7"), List.of(ward), List.of(Cidr.parse("192.168.0.0/16")), false);
        assertEquals(BadgeLocation.Basis.NETWORK, location.basis());
        assertTrue(location.workstation().isEmpty());
    }

    @Test
    void elsewhereOnlyADeclaredEmergencyAllowsBadges() throws Exception {
        InetAddress home = InetAddress.getByName("203.0.113.9");
        assertFalse(BadgeLocation.of(home, List.of(ward), List.of(), false).allowsBadge());
        assertEquals(BadgeLocation.Basis.EMERGENCY, BadgeLocation.of(home, List.of(ward), List.of(), true).basis());
        assertFalse(BadgeLocation.of(null, List.of(ward), List.of(), false).allowsBadge());
    }

    @Test
    void emergencyIsActiveUntilItsEnd() {
        assertTrue(BadgeLocation.emergencyActive("1000", 999));
        assertFalse(BadgeLocation.emergencyActive("1000", 1000));
        assertFalse(BadgeLocation.emergencyActive("soon", 1));
        assertFalse(BadgeLocation.emergencyActive(null, 1));
    }
}
