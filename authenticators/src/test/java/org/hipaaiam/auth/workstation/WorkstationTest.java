package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkstationTest {

    @Test
    void roundTripsThroughItsStoredForm() throws Exception {
        String pem = new ReaderKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic(), "EdDSA").pem();
        Workstation cart = Workstation.of("ward-4-cart-2", Map.of("class", "mobile-cart", "location", "Ward 4", "network", "10.4.0.0/16",
                "publicKey", pem));
        Workstation again = Workstation.of(cart.id(), cart.toMap());
        assertEquals(WorkstationClass.MOBILE_CART, again.workstationClass());
        assertEquals("mobile-cart", again.toMap().get("class"));
        assertEquals("EdDSA", again.readerKey().orElseThrow().jwsAlgorithm());
        assertTrue(again.comesFrom(InetAddress.getByName("10.4.9.9")));
        assertFalse(again.comesFrom(InetAddress.getByName("10.5.0.1")));
        assertFalse(again.comesFrom(null));
    }

    @Test
    void refusesBadInputWithAReason() {
        assertEquals("id must be 2-63 lower-case letters, digits or '-'",
                assertThrows(IllegalArgumentException.class, () -> Workstation.of("Ward 4", Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Workstation.of("w4", Map.of("class", "canteen", "location", "x", "network", "10.0.0.0/8"))).getMessage().contains("class"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Workstation.of("w4", Map.of("class", "kiosk", "network", "10.0.0.0/8"))).getMessage().contains("location"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Workstation.of("w4", Map.of("class", "kiosk", "location", "Lobby"))).getMessage().contains("network"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Workstation.of("w4", Map.of("class", "kiosk", "location", "Lobby", "publicKey", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")))
                .getMessage().contains("publicKey"));
    }

    @Test
    void acceptsEcP256ReaderKeysOnly() throws Exception {
        KeyPairGenerator p256 = KeyPairGenerator.getInstance("EC");
        p256.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        assertEquals("ES256", ReaderKey.parsePem(new ReaderKey(p256.generateKeyPair().getPublic(), "").pem()).jwsAlgorithm());
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        String pem = new ReaderKey(p384.generateKeyPair().getPublic(), "").pem();
        assertThrows(IllegalArgumentException.class, () -> ReaderKey.parsePem(pem));
    }
}
