package org.hipaaiam.it.support;

import java.nio.file.Path;
import org.keycloak.common.Profile;
import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The server under test: stock Keycloak 26.7.3 with every provider jar of the bundle, as the run command
 * installs it, writing its audit ledger where {@link AuditTrail} reads it and forwarding to the test SIEM.
 */
public class HipaaServerConfig implements KeycloakServerConfig {

    /** Set by the build's `postgres` test execution: the ledger then lives in PostgreSQL tables. */
    public static final String POSTGRES_LEDGER_URL = "hipaa.it.ledger.jdbc-url";
    public static final String POSTGRES_LEDGER_USER = "hipaa_it_ledger";

    /** The server's log, also written to a file so tests can search it (for secrets that must never be logged). */
    public static final Path SERVER_LOG = AuditTrail.ROOT.resolve("keycloak.log");

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        config.log().handlers(KeycloakServerConfigBuilder.LogHandlers.CONSOLE, KeycloakServerConfigBuilder.LogHandlers.FILE);
        config.option("log-file", SERVER_LOG.toString());
        config.dependency("org.hipaaiam", "hipaa-core")
                .dependency("org.hipaaiam", "hipaa-themes")
                .dependency("org.hipaaiam", "hipaa-event-listeners")
                .dependency("org.hipaaiam", "hipaa-audit-ledger")
                .dependency("org.hipaaiam", "hipaa-audit-siem")
                .dependency("org.hipaaiam", "hipaa-lifecycle")
                .dependency("org.hipaaiam", "hipaa-authenticators")
                .dependency("org.hipaaiam", "hipaa-emergency-access")
                .dependency("org.hipaaiam", "hipaa-biometric")
                .dependency("org.hipaaiam", "hipaa-automatic-logoff")
                .dependency("com.webauthn4j", "webauthn4j-metadata")
                .features(Profile.Feature.SCIM_API)
                // Scheduled separations are checked every 2 s so tests see them applied within seconds.
                .spiOption("realm-restapi-extension", "hr-feed", "due-check-interval-seconds", "2")
                // Disabled accounts that still have sessions (Workflows' disable-user) are swept every 2 s.
                .spiOption("realm-restapi-extension", "hr-feed", "disabled-sweep-interval-seconds", "2")
                .spiOption("events-listener", "workflow-event-listener", "step-runner-task-interval", "1s")
                // Break-glass justification deadlines are checked every 2 s for the same reason.
                .spiOption("realm-restapi-extension", "hipaa-break-glass", "deadline-check-interval-seconds", "2")
                // Sessions idle past their policy are swept every 2 s.
                .spiOption("events-listener", "hipaa-idle-index", "sweep-interval-seconds", "2")
                .spiOption("events-listener", "hipaa-audit", "signing-key-file", AuditTrail.SIGNING_KEY.toString())
                .spiOption("events-listener", "hipaa-audit", "key-name", AuditTrail.KEY_NAME)
                // The FIDO metadata the fingerprint tests publish (their own root signs it; no CRLs for it).
                .spiOption("required-action", "hipaa-fingerprint-enrolment", "metadata-blob", TestFido.BLOB.toString())
                .spiOption("required-action", "hipaa-fingerprint-enrolment", "metadata-root", TestFido.ROOT.toString())
                .spiOption("required-action", "hipaa-fingerprint-enrolment", "metadata-revocation", "false")
                .spiOption("authenticator", "hipaa-badge-tap", "key-file", AuditTrail.ROOT.resolve("hipaa-badge.key").toString());
        String postgresLedger = System.getProperty(POSTGRES_LEDGER_URL);
        if (postgresLedger != null) {
            return config
                    .spiOption("events-listener", "hipaa-audit", "ledger-backend", "postgres")
                    .spiOption("events-listener", "hipaa-audit", "ledger-jdbc-url", postgresLedger)
                    .spiOption("events-listener", "hipaa-audit", "ledger-db-user", POSTGRES_LEDGER_USER);
        }
        return config
                .spiOption("events-listener", "hipaa-audit", "ledger-dir", AuditTrail.LEDGER_DIR.toString())
                .spiOption("events-listener", "hipaa-audit", "siem-host", "127.0.0.1")
                .spiOption("events-listener", "hipaa-audit", "siem-port", Integer.toString(TestSiem.PORT))
                .spiOption("events-listener", "hipaa-audit", "siem-truststore", TestSiem.trustStore().toString())
                .spiOption("events-listener", "hipaa-audit", "siem-cursor-file", TestSiem.CURSOR.toString())
                .spiOption("events-listener", "hipaa-audit", "siem-max-backoff-millis", "2000");
    }
}
