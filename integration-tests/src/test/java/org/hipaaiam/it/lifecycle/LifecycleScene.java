package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testframework.util.ApiUtil;

/**
 * What each account-lifecycle test starts with: the demo clinical app on its test port (callbacks and
 * back-channel logouts), the bundle's admin tools, the HR system's side of the feed, and the accounts of the
 * shipped realm to look at.
 */
final class LifecycleScene extends Scene {

    /** Keycloak's credential type of a TOTP authenticator (the representation's `totp` is for imports only). */
    static final String OTP_CREDENTIAL = "otp";

    final ClinicalAppOnTestPort app;
    final HrFeed hr;
    private final OidcDemoApp adminTools;

    LifecycleScene(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws Exception {
        super(realm, browser, clock);
        this.app = stopAfterTest(ClinicalAppOnTestPort.start(realm));
        this.adminTools = stopAfterTest(OidcDemoApp.adminTools(realm.getBaseUrl()));
        this.hr = new HrFeed(realm.getBaseUrl());
    }

    /** Signs the user in to the app: one online and one offline session. */
    ClinicalAppOnTestPort.SignedIn signIn(String username) throws Exception {
        return app.signIn(browser, username);
    }

    /** The HR system's access token (client credentials of the `hr-feed` service account). */
    String hrToken() throws Exception {
        return Tokens.ofServiceAccount(realm.getBaseUrl(), DemoRealm.HR_FEED, DemoRealm.HR_FEED_SECRET).accessToken();
    }

    /** The IAM admin's access token from the bundle's admin tools (a full browser sign-in). */
    String iamAdminToken() throws Exception {
        return Tokens.iamAdmin(browser, adminTools).accessToken();
    }

    /** A new top-level group of the realm; answers its id. */
    String createGroup(String name) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response created = realm.admin().groups().add(group)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("group " + name + " not created: HTTP " + created.getStatus());
            }
            return created.getLocation().getPath().replaceAll(".*/", "");
        }
    }

    /** Keycloak's admin API and the realm's endpoints as the holder of `token` calls them. */
    AdminApi adminApi(String token) {
        return new AdminApi(realm.getBaseUrl(), token);
    }

    /**
     * A help-desk operator who may manage this realm's users but is no realm administrator: a master-realm account
     * holding only `manage-users`, `view-users` and `query-users` of this realm (master's `<realm>-realm` client),
     * removed after the test. Returns its access token (password grant of master's `admin-cli`).
     */
    String userManagerToken(Keycloak admin) throws Exception {
        RealmResource master = admin.realm("master");
        String username = "helpdesk-" + Accounts.newEmployeeNumber();
        String password = "Helpdesk-" + UUID.randomUUID();
        UserRepresentation operator = new UserRepresentation();
        operator.setUsername(username);
        operator.setEnabled(true);
        operator.setFirstName("Help");
        operator.setLastName("Desk");
        operator.setEmail(username + "@hospital.example");
        operator.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        operator.setCredentials(List.of(credential));
        String id = ApiUtil.getCreatedId(master.users().create(operator));
        afterTest(() -> master.users().delete(id).close());
        String realmClient = master.clients().findByClientId(realm.getName() + "-realm").get(0).getId();
        master.users().get(id).roles().clientLevel(realmClient).add(Stream.of("manage-users", "view-users", "query-users")
                .map(role -> master.clients().get(realmClient).roles().get(role).toRepresentation()).toList());
        String masterUrl = realm.getBaseUrl().replaceFirst("/realms/[^/]+$", "/realms/master");
        HttpRequest request = HttpRequest.newBuilder(URI.create(masterUrl + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=" + username + "&password="
                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                .build();
        return Tokens.of(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())).accessToken();
    }

    /** Another service account whose tokens name the dormant-accounts API: a valid token there, without user roles. */
    String dormantAccountsTokenWithoutUserRoles() throws Exception {
        serviceClient("reporting-job", BundleApi.DORMANT_ACCOUNTS.audience());
        return serviceAccountToken("reporting-job");
    }

    /** Another service account whose tokens name the HR feed: a valid token for the feed, but not the HR system. */
    String hrFeedTokenWithoutHrRole() throws Exception {
        serviceClient("reporting-job", HrFeed.AUDIENCE);
        return serviceAccountToken("reporting-job");
    }

    /** Requests the HR system signs are signed with the server's time, so they follow the moved clock. */
    @Override
    public void serverClockAhead(Duration ahead) {
        super.serverClockAhead(ahead);
        hr.serverClockAhead(ahead.toSeconds());
    }

    UserRepresentation user(String username) {
        return realm.admin().users().search(username, true).get(0);
    }

    UserResource account(String username) {
        return realm.admin().users().get(user(username).getId());
    }

    /** When the account's password was last set: a refused reset leaves it, a reset moves it. */
    Long passwordSetAt(String username) {
        return account(username).credentials().stream().filter(c -> CredentialRepresentation.PASSWORD.equals(c.getType())).findFirst()
                .map(CredentialRepresentation::getCreatedDate).orElse(null);
    }

    /**
     * Background tasks tell the apps before their transaction commits; the account's flag is visible just after.
     * Fails the test when the account is not enabled (or disabled) within the given time.
     */
    void awaitEnabled(String username, boolean enabled, Duration within) throws InterruptedException {
        long deadline = System.currentTimeMillis() + within.toMillis();
        while (user(username).isEnabled() != enabled && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(enabled, user(username).isEnabled(), username + (enabled ? " enabled" : " disabled"));
    }

    /** The one record, written since the test began, saying the user's sessions were revoked. */
    StoredRecord revocationOf(String userId) throws Exception {
        return trail().single(r -> "USER_SESSION_DELETED".equals(r.at("unmapped.keycloak.type")) && userId.equals(r.at("user.uid")));
    }

    /** The revocation counts what {@link #signIn} made: one online and one offline session. */
    static void assertBothSessionsCounted(StoredRecord revoked) {
        assertEquals("1", revoked.at("unmapped.keycloak.details.online_sessions_ended"), revoked.text());
        assertEquals("1", revoked.at("unmapped.keycloak.details.offline_sessions_ended"), revoked.text());
    }

    /** No session is left in the store, and the app's refresh tokens for both no longer work. */
    void assertSessionsGone(UserResource account, ClinicalAppOnTestPort.SignedIn signedIn) throws Exception {
        String clientUuid = realm.admin().clients().findByClientId(DemoRealm.OIDC_CLIENT).get(0).getId();
        assertTrue(account.getUserSessions().isEmpty(), "no online session left");
        assertTrue(account.getOfflineSessions(clientUuid).isEmpty(), "no offline session left");
        assertEquals(400, app.refresh(signedIn.onlineRefreshToken()), "the online refresh token no longer works");
        assertEquals(400, app.refresh(signedIn.offlineRefreshToken()), "the offline token no longer works");
    }
}
