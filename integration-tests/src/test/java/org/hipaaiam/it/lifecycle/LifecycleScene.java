package org.hipaaiam.it.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hipaaiam.core.vocabulary.BundleApi;
import org.hipaaiam.it.support.AuditTrail.StoredRecord;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What each account-lifecycle test starts with: the demo clinical app on its test port (callbacks and
 * back-channel logouts), the bundle's admin tools, the HR system's side of the feed, and the accounts of the
 * shipped realm to look at.
 */
final class LifecycleScene extends Scene {

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
