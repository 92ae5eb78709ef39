package org.hipaaiam.it.lifecycle;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Tokens;
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
    static final String BACKCHANNEL_LOGOUT_URL = "http://localhost:" + PORT + "/backchannel-logout";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Who signed in, and the app's refresh tokens for the user's online session and for its offline session. */
    record SignedIn(String userId, String onlineRefreshToken, String offlineRefreshToken) {
    }

    private final ManagedRealm realm;
    private final OidcDemoApp app;

    private ClinicalAppOnTestPort(ManagedRealm realm, OidcDemoApp app) {
        this.realm = realm;
        this.app = app;
    }

    static ClinicalAppOnTestPort start(ManagedRealm realm) throws IOException {
        enableLifecycleFeatures(realm);
        ClientRepresentation client = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0);
        client.setRedirectUris(List.of(OidcDemoApp.redirectUriOn(PORT)));
        client.getAttributes().put("backchannel.logout.url", BACKCHANNEL_LOGOUT_URL);
        realm.admin().clients().get(client.getId()).update(client);
        return new ClinicalAppOnTestPort(realm, OidcDemoApp.listenOn(realm.getBaseUrl(), PORT));
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
        Tokens online = Tokens.signIn(browser, app, username);
        Tokens offline = Tokens.throughSession(browser, app, Map.of("scope", "openid offline_access"));

        String userId = userId(username);
        UserResource user = realm.admin().users().get(userId);
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        if (user.getUserSessions().size() != 1 || user.getOfflineSessions(clientUuid).size() != 1) {
            throw new AssertionError("Expected one online and one offline session after sign-in");
        }
        return new SignedIn(userId, online.refreshToken(), offline.refreshToken());
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
        CallbackReceiver.Received logout = app.next();
        if (!"/backchannel-logout".equals(logout.path())) {
            throw new AssertionError("Expected a back-channel logout, got " + logout);
        }
        String payload = logout.params().get("logout_token").split("\\.")[1];
        return JSON.readValue(Base64.getUrlDecoder().decode(payload), Map.class);
    }

    /** What the app gets when it tries to keep using a refresh token. */
    int refresh(String refreshToken) throws IOException, InterruptedException {
        return app.refresh(refreshToken).statusCode();
    }

    @Override
    public void close() {
        app.close();
    }
}
