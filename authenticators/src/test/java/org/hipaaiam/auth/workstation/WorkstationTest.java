package org.hipaaiam.auth.workstation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hipaaiam.core.settings.InvalidSetting;
import org.hipaaiam.core.settings.RealmSettings;
import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class WorkstationTest {

    @Test
    void roundTripsThroughItsStoredForm() throws Exception {
        String pem = new ReaderKey(KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic(), "EdDSA").pem();
        Workstation cart = Workstation.of(new WorkstationView("ward-4-cart-2", "mobile-cart", "Ward 4", "10.4.0.0/16", pem));
        Workstation again = WorkstationRegistry.stored(cart.id(), JsonSerialization.writeValueAsString(cart.view()));
        assertEquals(WorkstationClass.MOBILE_CART, again.workstationClass());
        assertEquals("mobile-cart", again.view().workstationClass());
        assertEquals("EdDSA", again.readerKey().orElseThrow().jwsAlgorithm());
        assertTrue(again.comesFrom(InetAddress.getByName("10.4.9.9")));
        assertFalse(again.comesFrom(InetAddress.getByName("10.5.0.1")));
        assertFalse(again.comesFrom(null));
    }

    @Test
    void itsStoredFormKeepsTheRegistryLayout() throws Exception {
        Workstation ward = Workstation.of(new WorkstationView("ward-3", "clinical", "Ward 3", "10.3.0.0/16", null));
        assertEquals("{\"id\":\"ward-3\",\"class\":\"clinical\",\"location\":\"Ward 3\",\"network\":\"10.3.0.0/16\"}",
                JsonSerialization.writeValueAsString(ward.view()));
    }

    @Test
    void refusesBadInputWithAReason() {
        assertEquals("id must be 2-63 lower-case letters, digits or '-'",
                assertThrows(InvalidWorkstation.class, () -> Workstation.of(new WorkstationView("Ward 4", null, null, null, null))).getMessage());
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "canteen", "x", "10.0.0.0/8", null))).getMessage().contains("class"));
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "kiosk", null, "10.0.0.0/8", null))).getMessage().contains("location"));
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "kiosk", "Lobby", null, null))).getMessage().contains("network"));
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "kiosk", "Lobby", "ward-1.hospital.example", null))).getMessage().contains("network"));
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "kiosk", "Lobby", null, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")))
                .getMessage().contains("publicKey"));
        assertTrue(assertThrows(InvalidWorkstation.class,
                () -> Workstation.of(new WorkstationView("w4", "kiosk", "x".repeat(201), "10.0.0.0/8", null))).getMessage().contains("200"));
    }

    @Test
    void anEntryEditedIntoSomethingInvalidIsNotRegisteredAndIsReported() {
        List<String> reported = new ArrayList<>();
        RealmSettings settings = RealmSettings.of(Map.of(
                        WorkstationRegistry.PREFIX + "ward-5", "{\"class\":\"canteen\",\"location\":\"Ward 5\",\"network\":\"10.5.0.0/16\"}",
                        WorkstationRegistry.PREFIX + "ward-6", "not json"),
                (setting, configured, problem) -> reported.add(problem));
        assertEquals(Optional.empty(), settings.get(WorkstationRegistry.entry("ward-5")));
        assertEquals(Optional.empty(), settings.get(WorkstationRegistry.entry("ward-6")));
        assertEquals(Optional.empty(), settings.get(WorkstationRegistry.entry("ward-7")), "absent: simply not registered");
        assertEquals(List.of("hipaa.workstations.ward-5 class must be one of clinical, administrative, kiosk, mobile-cart",
                "hipaa.workstations.ward-6 is not a workstation's JSON"), reported);
        assertThrows(InvalidSetting.class, () -> WorkstationRegistry.entry("ward-5").parse("{\"class\":\"kiosk\"}"));
    }

    @Test
    void theAttributeNameSaysWhichWorkstationAnEntryIs() {
        Workstation stored = WorkstationRegistry.stored("ward-8", "{\"id\":\"elsewhere\",\"class\":\"kiosk\",\"location\":\"Lobby\",\"network\":\"10.8.0.0/16\"}");
        assertEquals("ward-8", stored.id());
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
