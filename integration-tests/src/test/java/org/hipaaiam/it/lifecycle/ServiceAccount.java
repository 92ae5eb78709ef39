package org.hipaaiam.it.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A machine caller such as the HR system: an access token from the client-credentials grant. */
final class ServiceAccount {

    static final String HR_FEED = "hr-feed";
    static final String HR_FEED_SECRET = "demo-hr-feed-secret";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ServiceAccount() {
    }

    static String hrFeedToken(String realmUrl) throws Exception {
        return token(realmUrl, HR_FEED, HR_FEED_SECRET);
    }

    static String token(String realmUrl, String clientId, String secret) throws Exception {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("No token for " + clientId + ": " + response.body());
        }
        return (String) JSON.readValue(response.body(), Map.class).get("access_token");
    }
}
