package org.hipaaiam.it.emergency;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;

/** A caller of the break-glass REST API with a person's access token. */
public final class BreakGlassApi {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String PRIVACY_OFFICER = DemoRealm.PRIVACY_OFFICER;
    static final String IAM_ADMIN = DemoRealm.IAM_ADMIN;

    private final String realmUrl;
    private final String token;
    private final HttpClient http = HttpClient.newHttpClient();

    private BreakGlassApi(String realmUrl, String token) {
        this.realmUrl = realmUrl;
        this.token = token;
    }

    /** The API as the holder of this access token (see {@code Tokens.signIn}). */
    public static BreakGlassApi as(String realmUrl, String accessToken) {
        return new BreakGlassApi(realmUrl, accessToken);
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(base(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return postJson(path, JSON.writeValueAsString(body));
    }

    /** Posts the text as it is, declared as JSON: for bodies no serializer would write. */
    public HttpResponse<String> postJson(String path, String body) throws IOException, InterruptedException {
        return postAs(path, "application/json", body);
    }

    /** Posts the text as it is, declared as the given media type. */
    public HttpResponse<String> postAs(String path, String contentType, String body) throws IOException, InterruptedException {
        return http.send(base(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> delete(String path) throws IOException, InterruptedException {
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
}
