package org.hipaaiam.it.emergency;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.hipaaiam.it.support.DemoRealm;

/** The demo clinical app's token response, and its refresh over the back channel. */
record Tokens(JWTClaimsSet access, JWTClaimsSet id, String refreshToken) {

    static Tokens of(HttpResponse<String> response) throws Exception {
        if (response.statusCode() != 200) {
            throw new AssertionError("token response " + response.statusCode() + ": " + response.body());
        }
        Map<?, ?> body = BreakGlassApi.JSON.readValue(response.body(), Map.class);
        return new Tokens(SignedJWT.parse((String) body.get("access_token")).getJWTClaimsSet(),
                body.get("id_token") == null ? null : SignedJWT.parse((String) body.get("id_token")).getJWTClaimsSet(),
                (String) body.get("refresh_token"));
    }

    Tokens refreshed(String realmUrl) throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (DemoRealm.OIDC_CLIENT + ":" + DemoRealm.OIDC_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(realmUrl + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(BreakGlassApi.form(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return of(response);
    }
}
