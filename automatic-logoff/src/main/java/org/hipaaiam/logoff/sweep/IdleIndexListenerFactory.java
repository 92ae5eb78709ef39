package org.hipaaiam.logoff.sweep;

import java.net.URI;
import org.hipaaiam.core.provider.GlobalEventListenerFactory;
import org.hipaaiam.core.server.OneNodeAtATime;
import org.hipaaiam.core.settings.ServerUrl;
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;
import org.hipaaiam.core.vocabulary.BundleScope;
import org.hipaaiam.logoff.session.SessionIdle;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;

/**
 * `hipaa-idle-index`: puts each session in the sweeper's index when it signs in (a `LOGIN` with a session: a sign-in
 * or an unlock), unclassified ones too (their strict default must not wait for Keycloak's longer SSO idle), in the
 * sign-in's own transaction, and schedules the sweep.
 */
public final class IdleIndexListenerFactory extends GlobalEventListenerFactory {

    public static final String ID = "hipaa-idle-index";
    /** SPI option: how often the sweeper looks for sessions past their terminate time. */
    public static final Setting<Long> SWEEP_INTERVAL_SECONDS = Setting.number("sweep-interval-seconds", 60, 1, 3600);

    private long sweepIntervalMillis;
    private URI serverUrl;

    public IdleIndexListenerFactory() {
        super(ID);
    }

    @Override
    public void init(Config.Scope config) {
        SpiOptions options = new SpiOptions(config);
        sweepIntervalMillis = options.get(SWEEP_INTERVAL_SECONDS) * 1000;
        serverUrl = options.get(ServerUrl.OPTION);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        OneNodeAtATime.schedule(factory, new IdleSweep(serverUrl), sweepIntervalMillis);
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return onUserEvents(event -> watch(session, event));
    }

    private static void watch(KeycloakSession session, Event event) {
        if (event.getType() != EventType.LOGIN || event.getSessionId() == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null || !BundleScope.policiesApply(realm)) {
            return;
        }
        UserSessionModel userSession = session.sessions().getUserSession(realm, event.getSessionId());
        if (userSession == null) {
            return;
        }
        SessionIdle idle = SessionIdle.of(session, realm, userSession);
        new IdleIndex(session).watch(userSession.getId(), realm.getId(), idle.state(Time.currentTime()).endAt());
    }
}
