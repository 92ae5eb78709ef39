package org.hipaaiam.it.logoff;

import com.nimbusds.jwt.JWTClaimsSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.hipaaiam.it.badge.BadgeWard;
import org.hipaaiam.it.support.AuditTrail;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.keycloak.testframework.util.ApiUtil;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A ward under the idle policies: the badge ward, with the demo app's back-channel logouts received on a port of
 * their own (so a test sees the apps being told), and the patient portal as a client of the realm when a test
 * needs it.
 */
final class LogoffWard extends BadgeWard {

    static final int LOGOUT_PORT = 8093;
    static final String PORTAL = "patient-portal";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    final CallbackReceiver logouts;

    LogoffWard(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws Exception {
        super(realm, browser, clock);
        this.logouts = stopAfterTest(CallbackReceiver.listen(LOGOUT_PORT, "/backchannel-logout"));
        ClientRepresentation app = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0);
        String before = app.getAttributes().get("backchannel.logout.url");
        setBackchannelLogoutUrl(app.getId(), "http://localhost:" + LOGOUT_PORT + "/backchannel-logout");
        afterTest(() -> setBackchannelLogoutUrl(app.getId(), before));
    }

    private void setBackchannelLogoutUrl(String id, String url) {
        ClientRepresentation app = realm.admin().clients().get(id).toRepresentation();
        app.getAttributes().put("backchannel.logout.url", url);
        realm.admin().clients().get(id).update(app);
    }

    /** A clinician enrolled with this PIN whose enrolment session (password and one-time code) has ended. */
    Clinician enrolledClinician(String pin) throws Exception {
        Clinician nurse = newClinician();
        enrol(nurse, pin);
        realm.admin().users().get(nurse.id()).logout();
        return nurse;
    }

    /** The same browser asks the app's sign-in again, as the idle-lock script sends a locked user: tap and PIN unlock. */
    HttpResponse<String> unlockWithBadge(String badge, String pin) throws Exception {
        Pkce pkce = Pkce.create();
        browser.open(app.authorizationUrl(pkce, Map.of()));
        tapPage().tap(badge);
        pinPage().enterPin(pin);
        return app.redeem(app.next().params().get("code"), pkce.verifier());
    }

    /** The patient portal, a confidential client with the shipped per-client policy, for this test. */
    OidcDemoApp portal() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(PORTAL);
        client.setSecret(PORTAL + "-secret");
        client.setPublicClient(false);
        client.setStandardFlowEnabled(true);
        client.setRedirectUris(List.of(DemoRealm.OIDC_REDIRECT_URI));
        client.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        String id = ApiUtil.getCreatedId(realm.admin().clients().create(client));
        afterTest(() -> realm.admin().clients().get(id).remove());
        return OidcDemoApp.client(realm.getBaseUrl(), PORTAL, PORTAL + "-secret", DemoRealm.OIDC_REDIRECT_URI);
    }

    /** A reader agent's message to the walk-away endpoint (the body is the compact JWS). */
    HttpResponse<String> walkAway(String message) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/hipaa-session/walk-away"))
                .header("Content-Type", "application/jwt").POST(HttpRequest.BodyPublishers.ofString(message)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Keycloak's userinfo endpoint with this access token. */
    HttpResponse<String> userInfo(String accessToken) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/protocol/openid-connect/userinfo"))
                .header("Authorization", "Bearer " + accessToken).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The session status endpoint, as an app's page calls it from `origin` with its user's access token (or none). */
    HttpResponse<String> sessionStatus(String method, String path, String accessToken, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(realm.getBaseUrl() + "/hipaa-session/" + path))
                .header("Origin", origin).method(method, HttpRequest.BodyPublishers.noBody());
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Lets pages of `origin` read the demo app's answers from Keycloak (CORS) for this test; tokens issued after carry it. */
    void allowWebOrigin(String origin) {
        ClientRepresentation app = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0);
        List<String> before = List.copyOf(app.getWebOrigins());
        setWebOrigins(app.getId(), Stream.concat(before.stream(), Stream.of(origin)).toList());
        afterTest(() -> setWebOrigins(app.getId(), before));
    }

    private void setWebOrigins(String id, List<String> origins) {
        ClientRepresentation app = realm.admin().clients().get(id).toRepresentation();
        app.setWebOrigins(origins);
        realm.admin().clients().get(id).update(app);
    }

    int sessionsOf(Clinician nurse) {
        return realm.admin().users().get(nurse.id()).getUserSessions().size();
    }

    /**
     * Waits for the back-channel logout Keycloak sends the demo app for this session (others, such as the end of an
     * enrolment's session, are passed over); fails the test when none comes.
     */
    void awaitLogoutOf(String sessionId) throws Exception {
        while (true) {
            String token = logouts.next().params().get("logout_token");
            Map<?, ?> claims = JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class);
            if (sessionId.equals(claims.get("sid"))) {
                return;
            }
        }
    }

    /** The automatic-logoff record of this session. */
    static Predicate<AuditTrail.StoredRecord> automaticLogoffOf(String sessionId) {
        return r -> "automatic-logoff".equals(r.at("unmapped.keycloak.details.hipaa_event")) && sessionId.equals(r.at("actor.session.uid"));
    }

    static String sid(JWTClaimsSet idToken) throws Exception {
        return idToken.getStringClaim("sid");
    }
}
