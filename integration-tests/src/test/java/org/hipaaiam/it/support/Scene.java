package org.hipaaiam.it.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import org.hipaaiam.core.vocabulary.DeclaredEmergencyAttributes;
import org.keycloak.admin.client.resource.ClientResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;
import org.keycloak.testframework.util.ApiUtil;

/**
 * What the tests of one capability start from: the realm, the browser in front of it, the server's clock and
 * the audit trail from the test's start. A scene is built for each test ({@link InjectScene}) and closed after
 * it, also when the test fails: the server clock is set back, then what it started and every change
 * recorded with {@link #afterTest} are undone in reverse order and a declared emergency is ended.
 */
public abstract class Scene implements AutoCloseable {

    private static final Set<String> DECLARED_EMERGENCY = Set.of(DeclaredEmergencyAttributes.UNTIL,
            DeclaredEmergencyAttributes.REASON, DeclaredEmergencyAttributes.BY);

    protected final ManagedRealm realm;
    protected final ManagedWebDriver browser;
    private final TimeOffSet clock;
    private final AuditTrail trail = AuditTrail.fromNow();
    private final Deque<AutoCloseable> undo = new ArrayDeque<>();
    /** The scene whose constructor runs; if it fails, {@link SceneSupplier} stops what it had started. */
    static Scene underConstruction;

    protected Scene(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) {
        this.realm = realm;
        this.browser = browser;
        this.clock = clock;
        underConstruction = this;
        OneTimeCodes.startOver(realm);
        afterTest(this::endDeclaredEmergency);
    }

    public ManagedRealm realm() {
        return realm;
    }

    public ManagedWebDriver browser() {
        return browser;
    }

    /** The audit records written since the test began. */
    public AuditTrail trail() {
        return trail;
    }

    /** Moves Keycloak's clock this far ahead of the real one (zero puts it back); it is put back after the test. */
    public void serverClockAhead(Duration ahead) {
        clock.set((int) ahead.toSeconds());
    }

    /** Sets a realm attribute for this test; its earlier value (or its absence) is restored after it. */
    public void setRealmAttribute(String name, String value) {
        String before = realm.admin().toRepresentation().getAttributes().get(name);
        putRealmAttribute(name, value);
        afterTest(() -> putRealmAttribute(name, before));
    }

    /** Shows the realm's pages in another login theme for this test; the realm's own theme is restored after it. */
    public void useLoginTheme(String theme) {
        String before = realm.admin().toRepresentation().getLoginTheme();
        putLoginTheme(theme);
        afterTest(() -> putLoginTheme(before));
    }

    private void putLoginTheme(String theme) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setLoginTheme(theme);
        realm.admin().update(rep);
    }

    private void putRealmAttribute(String name, String value) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        if (value == null) {
            rep.getAttributes().remove(name);
        } else {
            rep.getAttributes().put(name, value);
        }
        realm.admin().update(rep);
    }

    /** A declared emergency opens break-glass and badge sign-in to the whole workforce: none outlives its test. */
    private void endDeclaredEmergency() {
        RealmRepresentation rep = realm.admin().toRepresentation();
        if (rep.getAttributes().keySet().removeAll(DECLARED_EMERGENCY)) {
            realm.admin().update(rep);
        }
    }

    /**
     * A confidential client with a service account (secret `<clientId>-secret`) for this test, removed after it;
     * its tokens name `audience` when one is given.
     */
    public ClientResource serviceClient(String clientId, String audience) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setSecret(clientId + "-secret");
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        if (audience != null) {
            client.setProtocolMappers(List.of(Audiences.mapper(audience)));
        }
        String id = ApiUtil.getCreatedId(realm.admin().clients().create(client));
        afterTest(() -> realm.admin().clients().get(id).remove());
        return realm.admin().clients().get(id);
    }

    /** The access token of a client {@link #serviceClient} made (client-credentials grant). */
    public String serviceAccountToken(String clientId) throws Exception {
        return Tokens.ofServiceAccount(realm.getBaseUrl(), clientId, clientId + "-secret").accessToken();
    }

    /** Something to undo after the test, whatever its outcome; steps run in reverse order. */
    protected void afterTest(AutoCloseable step) {
        undo.push(step);
    }

    /** A receiver or browser the scene started, stopped after the test (in reverse order, like the undo steps). */
    protected <T extends AutoCloseable> T stopAfterTest(T started) {
        afterTest(started);
        return started;
    }

    @Override
    public final void close() {
        // the clock first: undo steps call the server with tokens that a moved clock has expired
        if (clock.hasChanged()) {
            clock.set(0);
        }
        IllegalStateException failure = null;
        while (!undo.isEmpty()) {
            try {
                undo.pop().close();
            } catch (Exception e) {
                failure = failure == null ? new IllegalStateException("Undoing a test's change failed", e) : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
