package org.hipaaiam.it.badge;

import com.nimbusds.jwt.JWTClaimsSet;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.hipaaiam.it.support.Accounts;
import org.hipaaiam.it.support.BadgeEnrolmentPage;
import org.hipaaiam.it.support.BadgePinPage;
import org.hipaaiam.it.support.BadgeTapPage;
import org.hipaaiam.it.support.CallbackReceiver;
import org.hipaaiam.it.support.IdTokens;
import org.hipaaiam.it.support.OidcDemoApp;
import org.hipaaiam.it.support.Pkce;
import org.hipaaiam.it.support.Scene;
import org.hipaaiam.it.support.SignInPage;
import org.hipaaiam.it.support.Tokens;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.HtmlUnitWebDriverSupplier;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * A hospital ward for badge tests: the shipped realm, one browser (the shared workstation's), the demo app
 * receiving callbacks, the bundle's admin tools for the badge admin API, and the steps people take there: enrol,
 * tap and PIN, sign in with password and one-time code. Workstations it registers and realm settings it changes
 * are undone after each test.
 */
public class BadgeWard extends Scene {

    static final String ENROLMENT = "hipaa-badge-enrolment";

    /** A clinician created for one test; the badge she enrols is her employee number, padded like a card's. */
    public record Clinician(String id, String username, String employeeNumber) {

        public String badge() {
            return "00" + employeeNumber;
        }
    }

    /** The IAM admin's token per import of the realm, reused while valid: each sign-in spends a one-time code. */
    private static final Map<ManagedRealm, Tokens> IAM_ADMIN_TOKENS = Collections.synchronizedMap(new WeakHashMap<>());

    public final OidcDemoApp app;
    private final OidcDemoApp adminTools;

    protected BadgeWard(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) throws IOException {
        super(realm, browser, clock);
        this.app = stopAfterTest(OidcDemoApp.listen(realm.getBaseUrl()));
        this.adminTools = stopAfterTest(OidcDemoApp.adminTools(realm.getBaseUrl()));
    }

    public BadgeTapPage tapPage() {
        return new BadgeTapPage(browser.driver());
    }

    public BadgePinPage pinPage() {
        return new BadgePinPage(browser.driver());
    }

    BadgeEnrolmentPage enrolmentPage() {
        return new BadgeEnrolmentPage(browser.driver());
    }

    public SignInPage signInPage() {
        return new SignInPage(browser.driver());
    }

    /**
     * A new clinician with the demo password and a TOTP authenticator, not yet enrolled. Her sessions end after the
     * test: a session left at a workstation would be ended by the idle sweeper during a later test, telling that
     * test's app receivers of a logout they do not expect.
     */
    public Clinician newClinician() {
        Accounts.Account account = Accounts.withPasswordAndOtp(realm, "tbadge");
        afterTest(() -> realm.admin().users().get(account.id()).logout());
        return new Clinician(account.id(), account.username(), account.employeeNumber());
    }

    String userId(String username) {
        return realm.admin().users().search(username, true).get(0).getId();
    }

    /**
     * Lets a test retype a PIN at once: Keycloak's quick-login check (two failures within 1 s lock the account for
     * a minute) is its own safeguard, separate from the PIN counter these tests are about.
     */
    protected void allowQuickRetries() {
        Long before = realm.admin().toRepresentation().getQuickLoginCheckMilliSeconds();
        setQuickLoginCheck(1L);
        afterTest(() -> setQuickLoginCheck(before));
    }

    private void setQuickLoginCheck(Long millis) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setQuickLoginCheckMilliSeconds(millis);
        realm.admin().update(rep);
    }

    /**
     * Turns Keycloak's brute-force protection off for this test, so that attempts sent at the same moment all reach
     * the PIN check (with it on, the quick-login check refuses the ones after the first failure before any PIN check).
     */
    void withoutBruteForceProtection() {
        boolean before = Boolean.TRUE.equals(realm.admin().toRepresentation().isBruteForceProtected());
        setBruteForceProtected(false);
        afterTest(() -> setBruteForceProtected(before));
    }

    private void setBruteForceProtected(boolean on) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBruteForceProtected(on);
        realm.admin().update(rep);
    }

    /**
     * Other workstations' browsers, each at the PIN page after tapping `badge`, as when one badge is tried at several
     * screens at once; they are closed after the test.
     */
    List<BadgePinPage> pinPagesAfterTapping(String badge, int screens) {
        List<BadgePinPage> pages = new ArrayList<>();
        for (int i = 0; i < screens; i++) {
            ManagedWebDriver screen = new ManagedWebDriver(new HtmlUnitWebDriverSupplier().getWebDriver());
            afterTest(() -> screen.driver().quit());
            screen.open(app.authorizationUrl(Pkce.create(), Map.of()));
            new BadgeTapPage(screen.driver()).tap(badge);
            pages.add(new BadgePinPage(screen.driver()));
        }
        return pages;
    }

    /** A workstation in the registry for this test; it is removed after it. */
    public HttpResponse<String> registerWorkstation(String id, Map<String, String> fields) throws Exception {
        HttpResponse<String> registered = asIamAdmin().putWorkstation(id, fields);
        // the token of the moment: the one that registered it may be gone with its session by the end of the test
        afterTest(() -> asIamAdmin().send("DELETE", "workstations/" + id, null));
        return registered;
    }

    /** An emergency declared on the realm, as the break-glass API records it; it ends after the test. */
    void declareEmergencyFor(Duration duration) {
        setRealmAttribute(DeclaredEmergencyAttributes.UNTIL, Long.toString(System.currentTimeMillis() / 1000 + duration.toSeconds()));
    }

    /** Sign-in with password and one-time code (the password path where the tap page is offered); returns the verifier. */
    public Pkce signInWithPassword(String username) throws Exception {
        Pkce pkce = openSignIn();
        signInPage().signIn(username);
        return pkce;
    }

    /** The IAM admin (realm-admin through the `iam-admin` role) calling the badge admin API. */
    BadgeAdminApi asIamAdmin() throws Exception {
        Tokens tokens = IAM_ADMIN_TOKENS.get(realm);
        if (tokens != null && tokens.access().getExpirationTime().getTime() - System.currentTimeMillis() >= 60_000) {
            BadgeAdminApi cached = new BadgeAdminApi(realm.getBaseUrl(), tokens.accessToken());
            // a test that moved the server clock may have let the idle policies end the admin's session
            if (cached.send("GET", "workstations", null).statusCode() != 401) {
                return cached;
            }
        }
        tokens = Tokens.iamAdmin(browser, adminTools);
        IAM_ADMIN_TOKENS.put(realm, tokens);
        return new BadgeAdminApi(realm.getBaseUrl(), tokens.accessToken());
    }

    /** The access token the bundle's admin tools get for a tap and PIN at a badge location. */
    String adminToolsTokenByBadge(String badge, String pin) throws Exception {
        Pkce pkce = Pkce.create();
        SignInPage.openFresh(browser, realm.getBaseUrl(), adminTools.authorizationUrl(pkce, Map.of()));
        tapPage().tap(badge);
        pinPage().enterPin(pin);
        Tokens tokens = Tokens.of(adminTools.redeem(adminTools.next().params().get("code"), pkce.verifier()));
        afterTest(() -> realm.admin().users().get(tokens.access().getSubject()).logout());
        return tokens.accessToken();
    }

    /** The access token the bundle's admin tools get when this person signs in to them. */
    public String adminToolsTokenOf(String username) throws Exception {
        return Tokens.signIn(browser, adminTools, username).accessToken();
    }

    /** The enrolment a new clinician does: required action, full sign-in, then badge tap and PIN. */
    void enrol(String username, String badge, String pin) throws Exception {
        requireEnrolment(username);
        Pkce pkce = signInWithPassword(username);
        enrolmentPage().enrol(badge, pin, pin);
        Tokens.redeem(app, pkce);
    }

    public void enrol(Clinician clinician, String pin) throws Exception {
        enrol(clinician.username(), clinician.badge(), pin);
    }

    void requireEnrolment(String username) {
        String id = userId(username);
        UserRepresentation user = realm.admin().users().get(id).toRepresentation();
        user.setRequiredActions(List.of(ENROLMENT));
        realm.admin().users().get(id).update(user);
    }

    /** Opens the demo app's sign-in in a browser without an SSO session, as after the previous user walked away. */
    public Pkce openSignIn() {
        Pkce pkce = Pkce.create();
        SignInPage.openFresh(browser, realm.getBaseUrl(), app.authorizationUrl(pkce, Map.of()));
        return pkce;
    }

    /** Tap (badge number or signed assertion) and PIN; returns the token response the demo app redeems. */
    public HttpResponse<String> signInWithBadge(String tap, String pin) throws Exception {
        Pkce pkce = openSignIn();
        tapPage().tap(tap);
        pinPage().enterPin(pin);
        CallbackReceiver.Received callback = app.next();
        return app.redeem(callback.params().get("code"), pkce.verifier());
    }

    /** A tap, a mistyped PIN, then the right one, as a hurried clinician signs in; waits for the app's callback. */
    void signInWithBadgeAfterAWrongPin(String badge, String wrongPin, String pin) throws Exception {
        openSignIn();
        tapPage().tap(badge);
        pinPage().enterPin(wrongPin);
        pinPage().enterPin(pin);
        app.next();
    }

    /**
     * The next clinician at the same browser, cookies and all: the workstation's agent asks for a fresh sign-in
     * (`prompt=login`) and the clinician taps and types her PIN.
     */
    HttpResponse<String> signInWithBadgeInSameBrowser(String tap, String pin) throws Exception {
        Pkce pkce = Pkce.create();
        browser.open(app.authorizationUrl(pkce, Map.of("prompt", "login")));
        tapPage().tap(tap);
        pinPage().enterPin(pin);
        return app.redeem(app.next().params().get("code"), pkce.verifier());
    }

    public JWTClaimsSet idToken(HttpResponse<String> tokens) throws Exception {
        if (tokens.statusCode() != 200) {
            throw new AssertionError("token request failed: " + tokens.body());
        }
        return IdTokens.verified(app.jwksUrl(), tokens.body());
    }
}
