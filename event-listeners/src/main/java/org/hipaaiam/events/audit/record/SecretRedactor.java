package org.hipaaiam.events.audit.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes credentials and secrets from admin representations before they are recorded. Values are replaced,
 * not hashed: a hash of a low-entropy password or PIN can be brute-forced offline from the audit trail.
 */
public final class SecretRedactor {

    public static final String REDACTED = "[redacted]";

    // A member whose name ends in one of these holds a secret, e.g. `secret`, `clientSecret`, `bindCredential`,
    // `credentials`, `registrationAccessToken`, `privateKey`, `keystorePassword`, `secretData`, `pin`, `badgeId`.
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(secret|password|passwd|credential|credentials|token|privatekey|private_key|secretdata|salt|"
                    + "hashedsaltedvalue|pin|badge|badgeid|badge_id|otp_code|totp)$");

    private static final ObjectMapper JSON = new ObjectMapper();

    private SecretRedactor() {
    }

    public static boolean isSecretName(String name) {
        return SECRET_NAME.matcher(name).matches();
    }

    /** The representation with every secret member replaced; unparseable input is withheld entirely. */
    public static String redact(String representation) {
        if (representation == null || representation.isBlank()) {
            return representation;
        }
        try {
            JsonNode tree = JSON.readTree(representation);
            return JSON.writeValueAsString(redact(tree));
        } catch (JsonProcessingException e) {
            return REDACTED;
        }
    }

    private static JsonNode redact(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> members = object.fields();
            while (members.hasNext()) {
                Map.Entry<String, JsonNode> member = members.next();
                member.setValue(isSecretName(member.getKey()) && !member.getValue().isNull()
                        ? TextNode.valueOf(REDACTED)
                        : redact(member.getValue()));
            }
            redactConfigPairs(object);
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, redact(array.get(i)));
            }
        }
        return node;
    }

    /** Component configs are name/value lists: `{"name":"bindCredential","value":["..."]}`. */
    private static void redactConfigPairs(ObjectNode object) {
        JsonNode name = object.get("name");
        if (name != null && name.isTextual() && isSecretName(name.asText()) && object.has("value")) {
            object.set("value", TextNode.valueOf(REDACTED));
        }
    }
}
