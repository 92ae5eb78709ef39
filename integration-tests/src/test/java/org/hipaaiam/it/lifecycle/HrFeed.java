package org.hipaaiam.it.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.hipaaiam.events.alert.WebhookSignature;

/** The HR system's side of the separation feed: signed JSON posted with a bearer token. */
final class HrFeed {

    static final String SIGNING_SECRET = "demo-hr-feed-signing-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<?, ?> json) {
    }

    private final String baseUrl;
    private final HttpClient http = HttpClient.newHttpClient();

    HrFeed(String realmUrl) {
        this.baseUrl = realmUrl + "/hr-feed/";
    }

    /** What an auditor reads: how fast separations ended access. */
    Answer evidence(String bearerToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "evidence")).header("Authorization", "Bearer " + bearerToken).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readValue(response.body(), Map.class));
    }

    Answer send(String bearerToken, String body, String secret, long signedAtSeconds) throws Exception {
        return post("separations", bearerToken, body, secret, signedAtSeconds);
    }

    Answer sendRoster(String bearerToken, String body) throws Exception {
        return post("roster", bearerToken, body, SIGNING_SECRET, System.currentTimeMillis() / 1000);
    }

    private Answer post(String endpoint, String bearerToken, String body, String secret, long signedAtSeconds) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                .header("Content-Type", "application/json")
                .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, signedAtSeconds, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readValue(response.body(), Map.class));
    }

    Answer sendSigned(String bearerToken, String body) throws Exception {
        return send(bearerToken, body, SIGNING_SECRET, System.currentTimeMillis() / 1000);
    }

    static String separation(String eventId, String employeeNumber) {
        return "{\"eventId\": \"" + eventId + "\", \"employeeNumber\": \"" + employeeNumber + "\"}";
    }
}
