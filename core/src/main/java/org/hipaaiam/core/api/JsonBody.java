package org.hipaaiam.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.util.Locale;

/** Request bodies of the bundle's APIs: JSON objects of bounded size, refused with a clear 4xx otherwise. */
public final class JsonBody {

    /** Far above any real request (a 10,000-person roster is about 1 MB); larger bodies are refused unread. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonBody() {
    }

    /**
     * The body of a request that must declare JSON (`Content-Type: application/json`, parameters allowed), as a JSON
     * object: another media type is refused with 415, inside the endpoint so the refusal is audited like any other.
     */
    public static JsonNode object(String contentType, byte[] body) {
        if (!MediaType.APPLICATION_JSON.equals(mediaTypeOf(contentType))) {
            throw Refusal.unsupportedMediaType("the body must be " + MediaType.APPLICATION_JSON);
        }
        return object(body);
    }

    /** The media type of a `Content-Type` header, lower case and without parameters; empty when there is none. */
    public static String mediaTypeOf(String contentType) {
        return contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }

    /** The body as a JSON object. */
    public static JsonNode object(byte[] body) {
        JsonNode parsed = parse(body);
        if (!parsed.isObject()) {
            throw Refusal.invalid("the body must be a JSON object");
        }
        return parsed;
    }

    /** Any JSON value (object, array, ...). */
    public static JsonNode parse(byte[] body) {
        requireSize(body);
        if (body == null || body.length == 0) {
            throw Refusal.invalid("the body must be JSON");
        }
        try {
            return JSON.readTree(body);
        } catch (IOException notJson) {
            throw Refusal.invalid("the body is not valid JSON");
        }
    }

    public static void requireSize(byte[] body) {
        if (body != null && body.length > MAX_BYTES) {
            throw Refusal.tooLarge("the body is larger than " + MAX_BYTES + " bytes");
        }
    }

    /** A text member, or null when absent; a member of another type is refused. */
    public static String text(JsonNode object, String member) {
        JsonNode value = object.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw Refusal.invalid(member + " must be a string");
        }
        return value.asText();
    }
}
