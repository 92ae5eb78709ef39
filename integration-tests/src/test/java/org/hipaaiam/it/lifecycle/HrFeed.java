package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.signature.SignedRequest;

/**
 * The HR system's side of the separation feed: signed JSON posted with a bearer token; and IAM's dormant-account
 * clean-up, its own API beside the feed.
 */
final class HrFeed {

    static final String SIGNING_SECRET = "demo-hr-feed-signing-secret";
    /** The feed's tokens must name it: the HR client's tokens carry this audience, other clients' do not. */
    static final String AUDIENCE = "hipaa-hr-feed";
    /** The realm role that makes a service account the HR system. */
    static final String ROLE = "hr-feed";
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<?, ?> json) {

        /** The usernames in a list of accounts of the answer, such as `toDisable` or `disabled`. */
        Set<Object> usernames(String field) {
            return ((List<?>) json.get(field)).stream().map(a -> ((Map<?, ?>) a).get("username")).collect(Collectors.toSet());
        }
    }

    private final String serverUrl;
    private final String realmName;
    private final String baseUrl;
    private final String dormantUrl;
    private final HttpClient http = HttpClient.newHttpClient();
    /** How far the server's clock was moved ahead; requests are signed with the server's time. */
    private long serverClockAheadSeconds;

    HrFeed(String realmUrl) {
        this.serverUrl = realmUrl.substring(0, realmUrl.lastIndexOf("/realms/"));
        this.realmName = realmUrl.substring(realmUrl.lastIndexOf('/') + 1);
        this.baseUrl = realmUrl + "/hr-feed/";
        this.dormantUrl = realmUrl + "/hipaa-dormant-accounts";
    }

    void serverClockAhead(long seconds) {
        this.serverClockAheadSeconds = seconds;
    }

    /** What an auditor reads: how fast separations ended access. */
    Answer evidence(String bearerToken) throws Exception {
        return get(URI.create(baseUrl + "evidence"), bearerToken);
    }

    Answer dormant(String bearerToken) throws Exception {
        return get(URI.create(dormantUrl), bearerToken);
    }

    /** IAM's clean-up of dormant accounts: not an HR call, so a bearer token for that API with manage-users and no signature. */
    Answer disableDormant(String bearerToken, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(dormantUrl)).header("Authorization", "Bearer " + bearerToken)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private Answer get(URI endpoint, String bearerToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(endpoint).header("Authorization", "Bearer " + bearerToken).GET().build();
        return answer(http.send(request, HttpResponse.BodyHandlers.ofString()));
    }

    private static Answer answer(HttpResponse<String> response) throws Exception {
        return new Answer(response.statusCode(), JSON.readValue(response.body(), Map.class));
    }

    Answer send(String bearerToken, String body, String secret, long signedAtSeconds) throws Exception {
        return post("separations", bearerToken, body, secret, signedAtSeconds);
    }

    Answer sendRoster(String bearerToken, String body) throws Exception {
        return sendRoster(bearerToken, "", "application/json", body);
    }

    /** A roster upload: `query` carries mode, confirm, force (and the CSV roster id). */
    Answer sendRoster(String bearerToken, String query, String contentType, String body) throws Exception {
        return post("roster" + query, contentType, bearerToken, body, SIGNING_SECRET, serverNow());
    }

    Answer sendLeave(String bearerToken, String body) throws Exception {
        return post("leaves", "application/json", bearerToken, body, SIGNING_SECRET, serverNow());
    }

    private long serverNow() {
        return System.currentTimeMillis() / 1000 + serverClockAheadSeconds;
    }

    private Answer post(String endpoint, String bearerToken, String body, String secret, long signedAtSeconds) throws Exception {
        return post(endpoint, "application/json", bearerToken, body, secret, signedAtSeconds);
    }

    private Answer post(String endpoint, String contentType, String bearerToken, String body, String secret, long signedAtSeconds) throws Exception {
        return post(endpoint, contentType, bearerToken, body, signature(secret, signedAtSeconds, endpoint, body));
    }

    /** A separation sent with the signature header exactly as given. */
    Answer sendWithSignatureHeader(String bearerToken, String body, String signatureHeader) throws Exception {
        return post("separations", "application/json", bearerToken, body, signatureHeader);
    }

    /** The HR system's v2 signature of a POST of `body` to `endpoint` (below `hr-feed/`, with its query) of this realm. */
    String signature(String secret, long signedAtSeconds, String endpoint, String body) {
        return sign(secret, signedAtSeconds, realmName, endpoint, body);
    }

    /** What the HR system signs for a POST of `body` to `endpoint` (below `hr-feed/`, with its query) of `realm`, now. */
    String signatureFor(String realm, String endpoint, String body) {
        return sign(SIGNING_SECRET, serverNow(), realm, endpoint, body);
    }

    private String sign(String secret, long signedAtSeconds, String realm, String endpoint, String body) {
        URI target = URI.create(serverUrl + "/realms/" + realm + "/hr-feed/" + endpoint);
        return RequestSignature.sign(secret, signedAtSeconds, SignedRequest.to("POST", realm, target, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The scheme before v2: HMAC-SHA256 over timestamp, "." and body only. */
    static String v1Signature(String secret, long signedAtSeconds, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] digest = mac.doFinal((signedAtSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
        return "t=" + signedAtSeconds + ",v1=" + HexFormat.of().formatHex(digest);
    }

    /** A POST to `endpoint` (below `hr-feed/`, with its query) with the signature header exactly as given. */
    Answer postWithSignatureHeader(String endpoint, String contentType, String bearerToken, String body, String signatureHeader) throws Exception {
        return post(endpoint, contentType, bearerToken, body, signatureHeader);
    }

    private Answer post(String endpoint, String contentType, String bearerToken, String body, String signatureHeader) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + endpoint))
                .header("Content-Type", contentType)
                .header(SignatureHeader.NAME, signatureHeader)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        return answer(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
    }

    Answer sendSigned(String bearerToken, String body) throws Exception {
        return send(bearerToken, body, SIGNING_SECRET, serverNow());
    }

    /** A refusal: the status, the error code, and a reason for the caller. */
    static void assertRefused(String error, int status, Answer answer) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals(error, answer.json().get("error"));
        assertTrue(answer.json().get("reason") instanceof String reason && !reason.isBlank(), "a reason is given");
    }

    static String separation(String eventId, String employeeNumber) {
        return "{\"type\": \"separation\", \"eventId\": \"" + eventId + "\", \"employeeNumber\": \"" + employeeNumber + "\"}";
    }

    static String leave(String eventId, String employeeNumber, String action, String extra) {
        return "{\"type\": \"leave\", \"eventId\": \"" + eventId + "\", \"employeeNumber\": \"" + employeeNumber + "\", \"action\": \""
                + action + "\"" + extra + "}";
    }
}
