package org.hipaaiam.it.lifecycle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * Keycloak's admin REST API and the realm's other endpoints called with one bearer token, exactly as any holder of
 * that token could call them: the way a stolen HR or SCIM credential, or a help-desk operator, would try.
 */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String adminUrl;
    private final String realmUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** `realmUrl` is `<server>/realms/<realm>`; admin calls go to `<server>/admin/realms/<realm>/...`. */
    AdminApi(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.adminUrl = realmUrl.replaceFirst("/realms/", "/admin/realms/");
        this.token = token;
    }

    /** A call below `/admin/realms/<realm>/`. */
    HrFeed.Answer admin(String method, String path, String jsonBody) throws Exception {
        return send(method, URI.create(adminUrl + "/" + path), jsonBody);
    }

    /** A call below `/realms/<realm>/` (the bundle's APIs, SCIM, the account API). */
    HrFeed.Answer realm(String method, String path, String jsonBody) throws Exception {
        return send(method, URI.create(realmUrl + "/" + path), jsonBody);
    }

    HrFeed.Answer resetPassword(String userId, String newPassword) throws Exception {
        return admin("PUT", "users/" + userId + "/reset-password",
                "{\"type\": \"password\", \"value\": \"" + newPassword + "\", \"temporary\": false}");
    }

    private HrFeed.Answer send(String method, URI uri, String jsonBody) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new HrFeed.Answer(response.statusCode(), jsonObject(response.body()));
    }

    /** The answer's JSON object; an empty map for no body (204) or a body that is no object (a list of users). */
    private static Map<?, ?> jsonObject(String body) {
        try {
            JsonNode parsed = body == null || body.isBlank() ? null : JSON.readTree(body);
            return parsed != null && parsed.isObject() ? JSON.convertValue(parsed, Map.class) : Map.of();
        } catch (Exception notJson) {
            return Map.of("body", body);
        }
    }
}
