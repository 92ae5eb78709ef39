package org.hipaaiam.it.badge;

import java.net.http.HttpResponse;
import java.util.Map;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.BundleApiClient;

/** The badge admin REST API (`/realms/hipaa/hipaa-badge-admin/...`) as an admin tool calls it. */
public final class BadgeAdminApi {

    private final BundleApiClient client;

    public BadgeAdminApi(String realmUrl, String bearer) {
        this.client = new BundleApiClient(realmUrl, BundleApi.BADGE_ADMIN, bearer);
    }

    public HttpResponse<String> putWorkstation(String id, Map<String, String> fields) {
        return send("PUT", "workstations/" + id, BundleApiClient.json(fields));
    }

    public HttpResponse<String> assignBadge(String userId, String badge) {
        return send("PUT", "users/" + userId + "/badge", BundleApiClient.json(Map.of("badge", badge)));
    }

    public HttpResponse<String> revokeBadge(String userId) {
        return send("DELETE", "users/" + userId + "/badge", null);
    }

    public HttpResponse<String> resetPin(String userId) {
        return send("DELETE", "users/" + userId + "/pin", null);
    }

    public HttpResponse<String> badgeStatus(String userId) {
        return send("GET", "users/" + userId + "/badge", null);
    }

    public HttpResponse<String> send(String method, String path, String body) {
        return client.send(method, path, body);
    }

    public static Map<String, Object> body(HttpResponse<String> response) {
        return BundleApiClient.body(response);
    }
}
