package org.hipaaiam.it.badge;

import com.nimbusds.jwt.JWTClaimsSet;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.DemoRealm;
import org.hipaaiam.it.support.IdTokens;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.SignInPage;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A hospital ward for badge tests: the realm, one browser (the shared workstation's), the demo app receiving
 * callbacks, and the steps people take there: enrol, tap and PIN, sign in with password and one-time code.
 */
final class BadgeWard implements AutoCloseable {

    static final String ENROLMENT = "hipaa-badge-enrolment";
    static final String IAM_ADMIN = "adm-jsmith4821";

    private static String adminToken;
    private static long adminTokenAt;

    final ManagedRealm realm;
    final ManagedWebDriver browser;
    final CallbackReceiver app;
    final OidcDemoApp demoApp;

    BadgeWard(ManagedRealm realm, ManagedWebDriver browser) throws Exception {
        this.realm = realm;
        this.browser = browser;
        this.app = CallbackReceiver.listen(DemoRealm.OIDC_APP_PORT, "/callback");
        this.demoApp = new OidcDemoApp(realm.getBaseUrl());
    }

    @Override
    public void close() {
        app.close();
    }

    BadgePages pages() {
        return new BadgePages(browser.driver());
    }

    /** A new clinician with the demo password and a TOTP authenticator (`demo-otp-<username>`); returns the id. */
    String createClinician(String username, String employeeNumber) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Test");
        user.setLastName("Clinician");
        user.setEmail(username + "@hospital.example");
        user.setEmailVerified(true);
        user.setAttributes(Map.of("employeeNumber", List.of(employeeNumber)));
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DemoRealm.DEMO_PASSWORD);
        password.setTemporary(false);
        CredentialRepresentation otp = new CredentialRepresentation();
        otp.setType(CredentialRepresentation.TOTP);
        otp.setSecretData("{\"value\": \"" + DemoRealm.otpSecretOf(username) + "\"}");
        otp.setCredentialData("{\"subType\": \"totp\", \"digits\": 6, \"counter\": 0, \"period\": 30, \"algorithm\": \"HmacSHA1\"}");
        user.setCredentials(List.of(password, otp));
        try (var response = realm.admin().users().create(user)) {
            if (response.getStatus() != 201) {
                throw new AssertionError("cannot create " + username + ": " + response.readEntity(String.class));
            }
        }
        return userId(username);
    }

    String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    void setRealmAttribute(String name, String value) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.getAttributes().put(name, value);
        realm.admin().update(rep);
    }

    /**
     * Lets a test retype a PIN at once: Keycloak's quick-login check (two failures within 1 s lock the account for
     * a minute) is its own safeguard, separate from the PIN counter these tests are about.
     */
    void allowQuickRetries() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setQuickLoginCheckMilliSeconds(1L);
        realm.admin().update(rep);
    }

    /** Sign-in with password and one-time code, choosing that path on the tap page when it is offered. */
    String signInWithPassword(String username) throws Exception {
        Pkce pkce = Pkce.create();
        SignInPage page = SignInPage.openFresh(browser, realm.getBaseUrl(), authorizationUrl(pkce));
        if (pages().showsTapPage()) {
            pages().usePasswordInstead();
        }
        page.signIn(username, DemoRealm.DEMO_PASSWORD, DemoRealm.otpSecretOf(username));
        return pkce.verifier();
    }

    /**
     * The IAM admin (realm-admin through the `iam-admin` role) calling the badge admin API. Its token is reused
     * while it is valid (the realm is imported again for each test class): a second TOTP sign-in in the same 30 s step would be refused as a replayed code.
     */
    BadgeAdminApi asIamAdmin() throws Exception {
        if (adminToken == null || System.currentTimeMillis() - adminTokenAt > 200_000
                || new BadgeAdminApi(realm.getBaseUrl(), adminToken).send("GET", "workstations", null).statusCode() == 401) {
            adminToken = accessTokenOf(IAM_ADMIN);
            adminTokenAt = System.currentTimeMillis();
        }
        return new BadgeAdminApi(realm.getBaseUrl(), adminToken);
    }

    String accessTokenOf(String username) throws Exception {
        String verifier = signInWithPassword(username);
        HttpResponse<String> tokens = demoApp.redeem(app.next().params().get("code"), verifier);
        if (tokens.statusCode() != 200) {
            throw new AssertionError("no tokens for " + username + ": " + tokens.body());
        }
        return IdTokens.field(tokens.body(), "access_token");
    }

    /** The enrolment a new clinician does: required action, full sign-in, then badge tap and PIN. */
    void enrol(String username, String badge, String pin) throws Exception {
        requireEnrolment(username);
        String verifier = signInWithPassword(username);
        pages().enrol(badge, pin, pin);
        HttpResponse<String> tokens = demoApp.redeem(app.next().params().get("code"), verifier);
        if (tokens.statusCode() != 200) {
            throw new AssertionError("enrolment of " + username + " did not end in a sign-in: " + tokens.body());
        }
    }

    void requireEnrolment(String username) {
        String id = userId(username);
        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        user.setRequiredActions(List.of(ENROLMENT));
        realm.admin().users().get(id).update(user);
    }

    /** Opens the demo app's sign-in in a browser without an SSO session, as after the previous user walked away. */
    Pkce openSignIn() {
        Pkce pkce = Pkce.create();
        SignInPage.openFresh(browser, realm.getBaseUrl(), authorizationUrl(pkce));
        return pkce;
    }

    /** Tap (badge number or signed assertion) and PIN; returns the token response the demo app redeems. */
    HttpResponse<String> signInWithBadge(String tap, String pin) throws Exception {
        Pkce pkce = openSignIn();
        pages().tap(tap);
        pages().enterPin(pin);
        CallbackReceiver.Received callback = app.next();
        return demoApp.redeem(callback.params().get("code"), pkce.verifier());
    }

    /**
     * The next clinician at the same browser, cookies and all: the workstation's agent asks for a fresh sign-in
     * (`prompt=login`) and the clinician taps and types her PIN.
     */
    HttpResponse<String> signInWithBadgeInSameBrowser(String tap, String pin) throws Exception {
        Pkce pkce = Pkce.create();
        browser.open(demoApp.authorizationUrl(Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256",
                "prompt", "login")));
        pages().tap(tap);
        pages().enterPin(pin);
        return demoApp.redeem(app.next().params().get("code"), pkce.verifier());
    }

    JWTClaimsSet idToken(HttpResponse<String> tokens) throws Exception {
        if (tokens.statusCode() != 200) {
            throw new AssertionError("token request failed: " + tokens.body());
        }
        return IdTokens.verified(demoApp.jwksUrl(), tokens.body());
    }

    private String authorizationUrl(Pkce pkce) {
        return demoApp.authorizationUrl(Map.of("code_challenge", pkce.challenge(), "code_challenge_method", "S256"));
    }
}
