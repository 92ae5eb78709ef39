package org.hipaaiam.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.signature.SignedRequest;

/**
 * The HR system's side of the separation feed: a bearer token of its service account (client credentials) and
 * every request signed with the realm's shared secret, in the bundle's own signature scheme (v2: method, realm,
 * path, query and body).
 */
final class HrSystem {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, JsonNode json) {
    }

    private final HttpClient http;
    private final String realmUrl;
    private final String clientId;
    private final String clientSecret;
    private final String signingSecret;

    HrSystem(HttpClient http, String realmUrl, String clientId, String clientSecret, String signingSecret) {
        this.http = http;
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.signingSecret = signingSecret;
    }

    /** Reports that an employee leaves: at once, or at `effectiveAt` when given. */
    Answer separation(String eventId, String employeeNumber, Instant effectiveAt) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("type", "separation").put("eventId", eventId).put("employeeNumber", employeeNumber);
        if (effectiveAt != null) {
            body.put("effectiveAt", effectiveAt.toString());
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        URI separations = URI.create(realmUrl + "/hr-feed/separations");
        SignedRequest signed = SignedRequest.to("POST", realmUrl.substring(realmUrl.lastIndexOf('/') + 1), separations, bytes);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(separations)
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .header(SignatureHeader.NAME, RequestSignature.sign(signingSecret, Instant.now().getEpochSecond(), signed))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), JSON.readTree(response.body()));
    }

    private String token() throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("no token for " + clientId + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }
}
