package org.hipaaiam.realm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Builds the demo realm from the production realm and the demo overlay, so the two can never drift apart:
 * the overlay's attributes replace the realm's, its other plain settings too (`sslRequired`: the run command
 * serves plain HTTP on localhost), its clients are merged into the realm's client of the same clientId
 * (secrets), and its users are added. Run by the build: `DemoRealmBuild <realm> <overlay> <out>`.
 */
public final class DemoRealmBuild {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoRealmBuild() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: DemoRealmBuild <realm.json> <overlay.json> <out.json>");
        }
        ObjectNode realm = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of(args[0])));
        ObjectNode overlay = (ObjectNode) JSON.readTree(Files.readAllBytes(Path.of(args[1])));
        Path out = Path.of(args[2]);
        Files.createDirectories(out.getParent());
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), merge(realm, overlay));
    }

    static ObjectNode merge(ObjectNode realm, ObjectNode overlay) {
        ObjectNode demo = realm.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isValueNode() && !field.getKey().startsWith("_")) {
                demo.set(field.getKey(), field.getValue());
            }
        }
        JsonNode attributes = overlay.path("attributes");
        if (attributes.isObject()) {
            demo.with("attributes").setAll((ObjectNode) attributes);
        }
        for (JsonNode client : overlay.path("clients")) {
            ObjectNode target = clientNamed(demo, client.path("clientId").asText());
            for (Iterator<Map.Entry<String, JsonNode>> fields = client.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                target.set(field.getKey(), field.getValue());
            }
        }
        ArrayNode users = demo.withArray("users");
        overlay.path("users").forEach(users::add);
        return demo;
    }

    private static ObjectNode clientNamed(ObjectNode realm, String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return (ObjectNode) client;
            }
        }
        throw new IllegalArgumentException("the overlay names client " + clientId + ", which the realm does not have");
    }
}
