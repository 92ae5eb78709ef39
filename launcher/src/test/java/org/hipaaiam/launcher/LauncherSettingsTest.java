package org.hipaaiam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LauncherSettingsTest {

    private static Properties staged(String reset) {
        Properties props = new Properties();
        props.setProperty("hipaa.projectRoot", "/repo");
        props.setProperty("hipaa.keycloakVersion", "26.7.3");
        props.setProperty("hipaa.distZip", "/repo/launcher/target/keycloak-dist.zip");
        props.setProperty("hipaa.providers", "/repo/launcher/target/providers");
        props.setProperty("hipaa.realmFile", "/repo/realm-export/hipaa-realm.json");
        props.setProperty("hipaa.reset", reset);
        return props;
    }

    @Test
    void defaultsToPort8080AndStateFolderInTheProject() {
        LauncherSettings settings = LauncherSettings.from(Map.of(), staged("false"));
        assertEquals(8080, settings.httpPort());
        assertEquals(9000, settings.managementPort());
        assertEquals(Path.of("/repo/.hipaa-state"), settings.stateDir());
        assertEquals(Path.of("/repo/.hipaa-state/keycloak-26.7.3"), settings.keycloakHome());
        assertFalse(settings.reset());
    }

    @Test
    void environmentChoosesPortsAndStateFolder() {
        LauncherSettings settings = LauncherSettings.from(
                Map.of("HIPAA_PORT", "18080", "HIPAA_MANAGEMENT_PORT", "19000", "HIPAA_STATE_DIR", "/var/tmp/kc"),
                staged("false"));
        assertEquals(18080, settings.httpPort());
        assertEquals(19000, settings.managementPort());
        assertEquals(Path.of("/var/tmp/kc"), settings.stateDir());
    }

    @Test
    void resetComesFromTheMavenFlagOrTheEnvironment() {
        assertTrue(LauncherSettings.from(Map.of(), staged("true")).reset());
        assertTrue(LauncherSettings.from(Map.of("HIPAA_RESET", "true"), staged("false")).reset());
        assertFalse(LauncherSettings.from(Map.of(), staged("false")).reset());
    }

    @Test
    void invalidPortIsRefusedWithItsName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> LauncherSettings.from(Map.of("HIPAA_PORT", "80800"), staged("false")));
        assertTrue(error.getMessage().contains("HIPAA_PORT"));
    }
}
