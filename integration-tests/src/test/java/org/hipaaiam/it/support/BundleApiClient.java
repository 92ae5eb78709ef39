package org.hipaaiam.it.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleApi;

/** One of the bundle's REST APIs (`/realms/{realm}/{api}/...`) as a tool calls it with a bearer token (or none). */
public final class BundleApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String bearer;
    private final HttpClient http = HttpClient.newHttpClient();

    public BundleApiClient(String realmUrl, BundleApi api, String bearer) {
        this.base = realmUrl + "/" + api.path() + "/";
        this.bearer = bearer;
    }

    /** `path` is below the API; `body` is JSON text or null. */
    public HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> body(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON object: " + response.body());
        }
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(HttpResponse<String> response) {
        try {
            return JSON.readValue(response.body(), List.class);
        } catch (IOException e) {
            throw new AssertionError("Not a JSON array: " + response.body());
        }
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
