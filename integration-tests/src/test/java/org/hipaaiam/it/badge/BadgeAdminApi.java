package org.hipaaiam.it.badge;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** The badge admin REST API (`/realms/hipaa/hipaa-badge-admin/...`) as an admin tool calls it. */
public final class BadgeAdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final String bearer;
    private final HttpClient http = HttpClient.newHttpClient();

    public BadgeAdminApi(String realmUrl, String bearer) {
        this.base = realmUrl + "/hipaa-badge-admin/";
        this.bearer = bearer;
    }

    public HttpResponse<String> putWorkstation(String id, Map<String, String> fields) {
        return send("PUT", "workstations/" + id, json(fields));
    }

    public HttpResponse<String> assignBadge(String userId, String badge) {
        return send("PUT", "users/" + userId + "/badge", json(Map.of("badge", badge)));
    }

    public HttpResponse<String> revokeBadge(String userId) {
        return send("DELETE", "users/" + userId + "/badge", null);
    }

    public HttpResponse<String> resetPin(String userId) {
        return send("DELETE", "users/" + userId + "/pin", null);
    }

    public HttpResponse<String> badgeStatus(String userId) {
        return send("GET", "users/" + userId + "/badge", null);
    }

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
            throw new java.io.UncheckedIOException(e);
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
