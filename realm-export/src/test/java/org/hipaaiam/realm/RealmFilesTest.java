package org.hipaaiam.realm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The production realm holds no person and no secret; the demo realm is it plus the overlay. */
class RealmFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode read(String file) throws Exception {
        return (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of(file)));
    }

    @Test
    void theProductionRealmHasNoUserButServiceAccountsAndNoSecretValue() throws Exception {
        ObjectNode realm = read("hipaa-realm.json");
        for (JsonNode user : realm.path("users")) {
            assertTrue(user.has("serviceAccountClientId"), "only service-account users: " + user.path("username"));
            assertFalse(user.has("credentials"), "no credentials: " + user.path("username"));
        }
        for (JsonNode client : realm.path("clients")) {
            if (client.has("secret")) {
                assertTrue(client.path("secret").asText().matches("\\$\\{HIPAA_[A-Z_]+}"),
                        client.path("clientId") + "'s secret comes from the environment, not the file");
            }
        }
        assertEquals("${vault.hr-feed-signing-secret}", realm.path("attributes").path("hipaa.hrFeed.signingSecret").asText());
        assertFalse(realm.toString().toLowerCase().contains("demo-"), "no demo value in the production realm");
    }

    @Test
    void theProductionRealmRequiresTlsEverywhereAndSignedSamlRequests() throws Exception {
        ObjectNode realm = read("hipaa-realm.json");
        assertEquals("all", realm.path("sslRequired").asText());
        for (JsonNode client : realm.path("clients")) {
            if ("saml".equals(client.path("protocol").asText())) {
                assertEquals("true", client.path("attributes").path("saml.client.signature").asText(), client.path("clientId") + " signs its requests");
            }
        }
        assertEquals("external", DemoRealmBuild.merge(realm, read("demo-overlay.json")).path("sslRequired").asText(),
                "the run command serves plain HTTP on localhost");
    }

    @Test
    void theDemoRealmIsTheProductionRealmWithTheOverlay() throws Exception {
        ObjectNode realm = read("hipaa-realm.json");
        ObjectNode demo = DemoRealmBuild.merge(realm, read("demo-overlay.json"));
        assertEquals("demo-hr-feed-signing-secret", demo.path("attributes").path("hipaa.hrFeed.signingSecret").asText());
        assertEquals(realm.path("attributes").path("hipaa.policies.enabled"), demo.path("attributes").path("hipaa.policies.enabled"));
        List<String> users = new ArrayList<>();
        demo.path("users").forEach(user -> users.add(user.path("username").asText()));
        assertTrue(users.containsAll(List.of("jsmith4821", "adm-jsmith4821", "service-account-hr-feed")), users.toString());
        for (JsonNode client : demo.path("clients")) {
            assertFalse(client.path("secret").asText().startsWith("${"), client.path("clientId") + " has its demo secret");
        }
        assertEquals(realm.path("clients").size(), demo.path("clients").size(), "the overlay adds secrets, not clients");
    }
}
