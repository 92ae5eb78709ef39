package org.hipaaiam.it.emergency;

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
import java.util.stream.Collectors;
import org.hipaaiam.it.support.DemoRealm;

/** A caller of the break-glass REST API with a demo user's token (password + TOTP direct grant on admin-cli). */
final class BreakGlassApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRIVACY_OFFICER = "mbrown5532";
    static final String IAM_ADMIN = "adm-jsmith4821";

    private final String realmUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private BreakGlassApi(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    static BreakGlassApi as(String realmUrl, String username) throws Exception {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", username,
                "password", DemoRealm.DEMO_PASSWORD, "totp", OneTimeCodes.next(username));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return new BreakGlassApi(realmUrl, (String) JSON.readValue(response.body(), Map.class).get("access_token"));
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(base(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return postJson(path, JSON.writeValueAsString(body));
    }

    /** Posts the text as it is, declared as JSON: for bodies no serializer would write. */
    HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return http.send(base(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return http.send(base(path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> cases(String status) throws Exception {
        HttpResponse<String> response = get("cases" + (status == null ? "" : "?status=" + status));
        if (response.statusCode() != 200) {
            throw new AssertionError("cases: " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), List.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> caseById(String id) throws Exception {
        HttpResponse<String> response = get("cases/" + id);
        if (response.statusCode() != 200) {
            throw new AssertionError("case: " + response.statusCode() + " " + response.body());
        }
        return JSON.readValue(response.body(), Map.class);
    }

    private HttpRequest.Builder base(String path) {
        return HttpRequest.newBuilder(URI.create(realmUrl + "/hipaa-break-glass/" + path)).header("Authorization", "Bearer " + token);
    }

    static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
