package org.hipaaiam.it.support;

import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/** The server under test: stock Keycloak 26.7.3 with every provider jar of the bundle, as the run command installs it. */
public class HipaaServerConfig implements KeycloakServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return config
                .dependency("org.hipaaiam", "hipaa-themes")
                .dependency("org.hipaaiam", "hipaa-event-listeners")
                .dependency("org.hipaaiam", "hipaa-audit-ledger")
                .dependency("org.hipaaiam", "hipaa-lifecycle")
                .features(Profile.Feature.SCIM_API)
                // Scheduled separations are checked every 2 s so tests see them applied within seconds.
                .spiOption("realm-restapi-extension", "hr-feed", "due-check-interval-seconds", "2")
                .spiOption("events-listener", "hipaa-audit", "ledger-dir", AuditTrail.LEDGER_DIR.toString())
                .spiOption("events-listener", "hipaa-audit", "signing-key-file", AuditTrail.SIGNING_KEY.toString())
                .spiOption("events-listener", "hipaa-audit", "key-name", AuditTrail.KEY_NAME);
    }
}
