package org.hipaaiam.lifecycle.api;

import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.hipaaiam.core.api.Caller;
import org.hipaaiam.core.api.JsonBody;
import org.hipaaiam.core.api.Refusal;
import org.hipaaiam.core.settings.RealmSettings;
import org.hipaaiam.core.signature.RequestSignature;
import org.hipaaiam.core.signature.SignatureHeader;
import org.hipaaiam.core.signature.SignedRequest;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.lifecycle.LifecycleSettings;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventType;
import org.keycloak.http.HttpRequest;

/**
 * The HR system calling the feed, checked in one place before anything changes: its token names the HR feed
 * (audience `hipaa-hr-feed`, checked with the token for {@link org.hipaaiam.core.vocabulary.BundleApi#HR_FEED}),
 * its account holds the realm role `hr-feed`, and the request carries its v2 signature (method, realm, path, query
 * and body), made within the replay window.
 */
final class HrSystem {

    static final String ROLE = "hr-feed";

    /** An endpoint the HR system calls, given the body it signed and the server's time of the check. */
    interface Call {
        Object answer(Caller caller, Instant now, byte[] signedBody);
    }

    private HrSystem() {
    }

    /** `endpoint` runs once the caller is the HR system and signed the body. */
    static Response call(LifecycleApi feed, String path, String signatureHeader, byte[] body, Call endpoint) {
        byte[] signedBody = body == null ? new byte[0] : body;
        return feed.answer(path, caller -> {
            JsonBody.requireSize(signedBody);
            Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
            caller.requireRealmRole(ROLE);
            requireSignature(feed.settings, signatureHeader, received(feed, path, signedBody), now.getEpochSecond());
            return endpoint.answer(caller, now, signedBody);
        });
    }

    /** The request as routed here: its method and decoded query, and the feed's path in this realm, whatever proxy it came through. */
    private static SignedRequest received(LifecycleApi feed, String path, byte[] body) {
        HttpRequest request = feed.session.getContext().getHttpRequest();
        String realm = feed.realm.getName();
        return SignedRequest.received(request.getHttpMethod(), realm, "/realms/" + realm + "/" + BundleApi.HR_FEED.path() + "/" + path,
                request.getUri().getQueryParameters(true), body);
    }

    static void requireSignature(RealmSettings settings, String signatureHeader, SignedRequest request, long nowSeconds) {
        String secret = settings.secret(LifecycleSettings.HR_FEED_SIGNING_SECRET).orElseThrow(() -> Refusal.notConfigured(
                "realm attribute " + LifecycleSettings.HR_FEED_SIGNING_SECRET.key() + " is not set"));
        long window = settings.get(LifecycleSettings.HR_FEED_REPLAY_WINDOW_SECONDS);
        switch (RequestSignature.verify(secret, signatureHeader, request, nowSeconds, window)) {
            case VALID -> {
            }
            case MALFORMED -> throw signatureRefused("malformed_signature", "the " + SignatureHeader.NAME
                    + " header must be t=<unix seconds>,v2=<64 hex digits>, each key once");
            case OUTDATED_SCHEME -> throw signatureRefused("unsupported_signature_version",
                    "v1 signatures (timestamp and body only) are no longer accepted; sign method, realm, path, query and body with v2");
            case MISMATCH -> throw signatureRefused("invalid_signature",
                    "the signature does not match this request (method, realm, path, query and body)");
            case STALE -> throw signatureRefused("stale_timestamp", "the signature timestamp is more than " + window
                    + " s away from the server's clock");
        }
    }

    private static Refusal signatureRefused(String code, String reason) {
        return new Refusal(401, code, reason, EventType.INVALID_SIGNATURE_ERROR);
    }
}
