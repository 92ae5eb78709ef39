package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class CidrTest {

    @Test
    void matchesAddressesInsideTheNetworkOnly() throws Exception {
        Cidr ward = Cidr.parse("10.20.64.0/18");
        assertTrue(ward.contains(InetAddress.getByName("10.20.64.1")));
        assertTrue(ward.contains(InetAddress.getByName("10.20.127.255")));
        assertFalse(ward.contains(InetAddress.getByName("10.20.128.0")));
        assertFalse(ward.contains(InetAddress.getByName("::1")));
    }

    @Test
    void bareAddressIsASingleHost() throws Exception {
        Cidr host = Cidr.parse("127.0.0.1");
        assertEquals(32, host.prefix());
        assertTrue(host.contains(InetAddress.getByName("127.0.0.1")));
        assertFalse(host.contains(InetAddress.getByName("127.0.0.2")));
    }

    @Test
    void ipv6Networks() throws Exception {
        assertTrue(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db8:1::5")));
        assertFalse(Cidr.parse("2001:db8::/32").contains(InetAddress.getByName("2001:db9::5")));
    }

    @Test
    void refusesHostNamesAndBadPrefixesWithoutLookingThemUp() {
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("ward-3.hospital.example"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/x"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse(""));
    }

    @Test
    void parsesCommaSeparatedLists() {
        assertEquals(2, Cidr.parseList("10.0.0.0/8, 192.168.1.0/24 ,").size());
        assertEquals(0, Cidr.parseList(null).size());
    }
}
