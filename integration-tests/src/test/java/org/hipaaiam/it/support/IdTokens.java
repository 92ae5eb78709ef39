package org.hipaaiam.it.support;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Reads a token response as a relying party does: the ID token's signature verified against the realm's JWKS. */
public final class IdTokens {

    private IdTokens() {
    }

    public static JWTClaimsSet verified(String jwksUrl, String tokenResponse) throws Exception {
        SignedJWT jwt = SignedJWT.parse((String) JSONObjectUtils.parse(tokenResponse).get("id_token"));
        String jwks = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(jwksUrl)).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        RSAKey key = (RSAKey) JWKSet.parse(jwks).getKeyByKeyId(jwt.getHeader().getKeyID());
        if (!jwt.verify(new RSASSAVerifier(key))) {
            throw new AssertionError("ID token signature does not verify against the realm's JWKS");
        }
        return jwt.getJWTClaimsSet();
    }
}
