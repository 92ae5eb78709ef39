package org.hipaaiam.core.settings;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hipaaiam.core.api.AuditEvents;
import org.hipaaiam.core.vocabulary.AuditDetails;
import org.hipaaiam.core.vocabulary.HipaaEvents;
import org.jboss.logging.Logger;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Reports a bad setting once per node and value: an audit record in this node's ledger (`hipaa_event=setting-invalid`,
 * which the alert rules turn into one alert a day for the whole cluster) and a warning in the server log. The value
 * itself is never recorded.
 */
public final class SettingProblems {

    private static final Logger LOG = Logger.getLogger(SettingProblems.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    /** Where a problem goes. */
    public interface Sink {
        void report(Setting<?> setting, String configured, String problem);
    }

    private SettingProblems() {
    }

    static Sink recordedIn(KeycloakSession session, RealmModel realm) {
        return (setting, configured, problem) -> {
            // Remembered by a hash: the value may be a secret, and it is never kept, recorded or logged.
            if (!REPORTED.add(realm.getId() + '\n' + setting.key() + '\n' + Objects.hashCode(configured))) {
                return;
            }
            String used = setting.isSecurity() ? "the strictest value " + setting.fallback() : "the default " + setting.fallback();
            LOG.warnf("Realm %s: %s; using %s", realm.getName(), problem, used);
            AuditEvents.event(session, realm, EventType.EXECUTE_ACTIONS_ERROR, HipaaEvents.SETTING_INVALID)
                    .detail(AuditDetails.SETTING, setting.key())
                    .detail(AuditDetails.REASON, problem + "; using " + used)
                    .error("invalid_setting");
        };
    }
}
