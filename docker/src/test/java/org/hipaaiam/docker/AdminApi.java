package org.hipaaiam.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.hipaaiam.docker.production.ProductionKeycloak;

/** Keycloak's admin REST API over HTTPS, as the bootstrap administrator of the master realm. */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String baseUrl;
    private final String password;
    private String token;
    private long tokenRenewAt;

    AdminApi(HttpClient http, ProductionKeycloak keycloak) {
        this.http = http;
        this.baseUrl = keycloak.baseUrl();
        this.password = keycloak.adminPassword();
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).GET());
        expect(200, response, "GET " + path);
        return JSON.readTree(response.body());
    }

    /** Creates a resource and returns its id, the last segment of the Location Keycloak answers with. */
    String create(String path, Object representation) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))));
        expect(201, response, "POST " + path);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** A workforce account as an administrator makes it: the naming convention, an employee number, a password. */
    String createWorkforceUser(String realm, String username, String employeeNumber, String password) throws IOException, InterruptedException {
        return create("/realms/" + realm + "/users", Map.of(
                "username", username,
                "enabled", true,
                "email", username + "@hospital.example",
                "emailVerified", true,
                "firstName", "Test",
                "lastName", "Person",
                "attributes", Map.of("employeeNumber", List.of(employeeNumber)),
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
    }

    /** Replaces a resource, e.g. the realm's representation with changed attributes. */
    void put(String path, Object representation) throws IOException, InterruptedException {
        HttpResponse<String> response = send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(representation))));
        expect(204, response, "PUT " + path);
    }

    /** An action without a body, e.g. signing a user out everywhere. */
    void post(String path) throws IOException, InterruptedException {
        expect(204, send(request(path).POST(HttpRequest.BodyPublishers.noBody())), "POST " + path);
    }

    /** An action with a body and no answer, e.g. granting roles. */
    void post(String path, Object body) throws IOException, InterruptedException {
        expect(204, send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))), "POST " + path);
    }

    private HttpRequest.Builder request(String path) throws IOException, InterruptedException {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin" + path)).header("Authorization", "Bearer " + token());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // The master realm's tokens live a minute: renew one well before it ends.
    private String token() throws IOException, InterruptedException {
        if (token == null || System.currentTimeMillis() >= tokenRenewAt) {
            String form = "grant_type=password&client_id=admin-cli&username=" + ProductionKeycloak.ADMIN
                    + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            expect(200, response, "the bootstrap administrator's sign-in");
            JsonNode answer = JSON.readTree(response.body());
            token = answer.get("access_token").asText();
            tokenRenewAt = System.currentTimeMillis() + answer.get("expires_in").asLong() * 500;
        }
        return token;
    }

    private static void expect(int status, HttpResponse<String> response, String what) {
        if (response.statusCode() != status) {
            throw new AssertionError(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
