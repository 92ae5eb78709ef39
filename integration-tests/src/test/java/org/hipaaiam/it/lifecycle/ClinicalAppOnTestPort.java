package org.hipaaiam.it.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * The demo clinical app moved to a test port: its redirect and back-channel logout URLs point at one real
 * receiver, so a test sees both the sign-in callback and the logout token Keycloak sends when access ends.
 */
final class ClinicalAppOnTestPort implements AutoCloseable {

    static final int PORT = 8091;
    static final String REDIRECT_URI = "http://localhost:" + PORT + "/callback";
    static final String BACKCHANNEL_LOGOUT_URL = "http://localhost:" + PORT + "/backchannel-logout";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The app's refresh tokens for the user's online session and for its offline session. */
    record SignedIn(String onlineRefreshToken, String offlineRefreshToken) {
    }

    private final ManagedRealm realm;
    private final CallbackReceiver receiver;
    private final OidcDemoApp app;
    private final HttpClient http = HttpClient.newHttpClient();

    private ClinicalAppOnTestPort(ManagedRealm realm, CallbackReceiver receiver) {
        this.realm = realm;
        this.receiver = receiver;
        this.app = new OidcDemoApp(realm.getBaseUrl(), REDIRECT_URI);
    }

    static ClinicalAppOnTestPort start(ManagedRealm realm) throws IOException {
        enableLifecycleFeatures(realm);
        ClientRepresentation client = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0);
        client.setRedirectUris(List.of(REDIRECT_URI));
        client.getAttributes().put("backchannel.logout.url", BACKCHANNEL_LOGOUT_URL);
        realm.admin().clients().get(client.getId()).update(client);
        return new ClinicalAppOnTestPort(realm, CallbackReceiver.listen(PORT, "/"));
    }

    /**
     * The realm export ships these attributes; they are set here too because the shared local Maven repository
     * may hold another build's realm export.
     */
    private static void enableLifecycleFeatures(ManagedRealm realm) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setScimApiEnabled(true);
        rep.getAttributes().put("hipaa.hrFeed.signingSecret", HrFeed.SIGNING_SECRET);
        realm.admin().update(rep);
    }

    /**
     * A full sign-in (password and TOTP) for an online session, then a second authorization through the SSO
     * session asking for offline access: the user then has one online and one offline session with the app.
     */
    SignedIn signIn(ManagedWebDriver browser, String username) throws Exception {
        allowOfflineAccess(username);
        Pkce online = Pkce.create();
        SignInPage.openFresh(browser, realm.getBaseUrl(), authorizationUrl("openid", online))
                .signIn(username, DemoRealm.DEMO_PASSWORD, DemoRealm.otpSecretOf(username));
        String onlineRefresh = redeem(online);
        Pkce offline = Pkce.create();
        browser.open(authorizationUrl("openid offline_access", offline));
        String offlineRefresh = redeem(offline);

        UserResource user = realm.admin().users().get(userId(username));
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        if (user.getUserSessions().size() != 1 || user.getOfflineSessions(clientUuid).size() != 1) {
            throw new AssertionError("Expected one online and one offline session after sign-in");
        }
        return new SignedIn(onlineRefresh, offlineRefresh);
    }

    private String authorizationUrl(String scope, Pkce pkce) {
        return app.authorizationUrl(Map.of("scope", scope, "code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }

    private String redeem(Pkce pkce) throws Exception {
        CallbackReceiver.Received callback = receiver.next();
        if (!"/callback".equals(callback.path())) {
            throw new AssertionError("Expected the sign-in callback, got " + callback);
        }
        HttpResponse<String> tokens = app.redeem(callback.params().get("code"), pkce.verifier());
        if (tokens.statusCode() != 200) {
            throw new AssertionError("Code redemption failed: " + tokens.body());
        }
        return (String) JSON.readValue(tokens.body(), Map.class).get("refresh_token");
    }

    /** The demo users hold only their workforce roles; offline access is granted here, as an app would request it. */
    private void allowOfflineAccess(String username) {
        RoleRepresentation offlineAccess = realm.admin().roles().get("offline_access").toRepresentation();
        realm.admin().users().get(userId(username)).roles().realmLevel().add(List.of(offlineAccess));
    }

    private String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    /** The claims of the next back-channel logout token the app receives. */
    Map<?, ?> nextLogoutToken() throws Exception {
        CallbackReceiver.Received logout = receiver.next();
        if (!"/backchannel-logout".equals(logout.path())) {
            throw new AssertionError("Expected a back-channel logout, got " + logout);
        }
        String payload = logout.params().get("logout_token").split("\\.")[1];
        return JSON.readValue(Base64.getUrlDecoder().decode(payload), Map.class);
    }

    /** What the app gets when it tries to keep using a refresh token. */
    int refresh(String refreshToken) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(
                (DemoRealm.OIDC_CLIENT + ":" + DemoRealm.OIDC_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Override
    public void close() {
        receiver.close();
    }
}
