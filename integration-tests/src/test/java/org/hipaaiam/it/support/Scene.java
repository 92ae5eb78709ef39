package org.hipaaiam.it.support;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.realm.ManagedRealm;
import org.keycloak.testframework.remote.timeoffset.TimeOffSet;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * What the tests of one capability start from: the realm, the browser in front of it, the server's clock and
 * the audit trail from the test's start. A scene is built for each test ({@link InjectScene}) and closed after
 * it, also when the test fails: the subclass stops what it started, then every change recorded with
 * {@link #afterTest} is undone in reverse order and the server clock is set back.
 */
public abstract class Scene implements AutoCloseable {

    protected final ManagedRealm realm;
    protected final ManagedWebDriver browser;
    private final TimeOffSet clock;
    private final AuditTrail trail = AuditTrail.fromNow();
    private final Deque<Runnable> undo = new ArrayDeque<>();

    protected Scene(ManagedRealm realm, ManagedWebDriver browser, TimeOffSet clock) {
        this.realm = realm;
        this.browser = browser;
        this.clock = clock;
        OneTimeCodes.startOver(realm);
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

    private void putRealmAttribute(String name, String value) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        if (value == null) {
            rep.getAttributes().remove(name);
        } else {
            rep.getAttributes().put(name, value);
        }
        realm.admin().update(rep);
    }

    /** Something to undo after the test, whatever its outcome; steps run in reverse order. */
    protected void afterTest(Runnable step) {
        undo.push(step);
    }

    /** Stops the receivers and browsers the scene started; runs before the recorded changes are undone. */
    protected void stop() {
    }

    @Override
    public final void close() {
        RuntimeException failure = null;
        try {
            stop();
        } catch (RuntimeException e) {
            failure = e;
        }
        while (!undo.isEmpty()) {
            try {
                undo.pop().run();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (clock.hasChanged()) {
            clock.set(0);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
