package org.hipaaiam.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.signature.SignedRequest;

/** The HR system as the demo realm knows it: the `hr-feed` service account (its tokens name the HR feed) and the demo signing secret. */
final class HrFeedCaller {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNING_SECRET = "demo-hr-feed-signing-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String realmUrl;

    HrFeedCaller(String realmUrl) {
        this.realmUrl = realmUrl;
    }

    /** A bearer token of the hr-feed service account (client credentials). */
    String token() throws IOException, InterruptedException {
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                "hr-feed:demo-hr-feed-secret".getBytes(StandardCharsets.UTF_8)))
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(token.body()).path("access_token").asText();
    }

    /** A signed POST to `/realms/{realm}/hr-feed/{path}`. */
    HttpResponse<String> post(String path, byte[] body, String bearer) throws IOException, InterruptedException {
        URI target = URI.create(realmUrl + "/hr-feed/" + path);
        SignedRequest signed = SignedRequest.to("POST", realmUrl.substring(realmUrl.lastIndexOf('/') + 1), target, body);
        return http.send(HttpRequest.newBuilder(target)
                        .timeout(Duration.ofMinutes(10))
                        .header("Authorization", "Bearer " + bearer)
                        .header("Content-Type", "application/json")
                        .header(SignatureHeader.NAME, RequestSignature.sign(SIGNING_SECRET, System.currentTimeMillis() / 1000, signed))
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An account's id, read with the service account's view-users. */
    String userId(String username, String bearer) throws IOException, InterruptedException {
        String url = realmUrl.replace("/realms/", "/admin/realms/") + "/users?exact=true&username=" + username;
        HttpResponse<String> users = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(users.body()).path(0).path("id").asText();
    }
}
