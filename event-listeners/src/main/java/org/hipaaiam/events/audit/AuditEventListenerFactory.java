package org.hipaaiam.events.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Map;
import org.hipaaiam.audit.ledger.AuditLedger;
import org.hipaaiam.audit.ledger.RecoveryReport;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.postgres.PostgresLedger;
import org.hipaaiam.audit.siem.SiemForwarder;
import org.hipaaiam.core.production.ProductionReadiness;
import org.hipaaiam.core.settings.SpiOptions;
import org.hipaaiam.events.alert.AlertDispatcher;
import org.hipaaiam.events.alert.AlertOutbox;
import org.hipaaiam.events.alert.AlertService;
import org.hipaaiam.events.alert.KeycloakAlertSender;
import org.hipaaiam.events.audit.record.AuditRecords;
import org.hipaaiam.events.audit.record.AuditSink;
import org.hipaaiam.events.audit.record.CanonicalJson;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * The audit listener (`hipaa-audit`), global to all realms. Opens the tamper-evident ledger at start-up and
 * refuses to start if the ledger contradicts its last signed checkpoint.
 */
public final class AuditEventListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "hipaa-audit";
    private static final Logger LOG = Logger.getLogger(AuditEventListenerFactory.class);

    private AuditConfig config;
    private AutoCloseable ledger;
    private AuditSink sink;
    private AlertService alerts;
    private SiemForwarder siem;

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void init(Config.Scope scope) {
        config = AuditConfig.from(new SpiOptions(scope), Path.of(System.getProperty("kc.home.dir", ".")));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        // The audit listener is global and always installed: the one place every start of the bundle passes.
        ProductionReadiness.enforceOnStart(factory, Path.of(System.getProperty("kc.home.dir", ".")).resolve("data/import"));
        String location;
        RecoveryReport recovery;
        try {
            ensureSigningKey();
            if (config.postgres().isPresent()) {
                PostgresLedger tables = PostgresLedger.open(config.postgres().get());
                ledger = tables;
                sink = tables::append;
                location = config.postgres().get().jdbcUrl();
                recovery = new RecoveryReport(List.of(), Map.of());
            } else {
                AuditLedger files = AuditLedger.open(config.ledgerConfig());
                ledger = files;
                sink = files::append;
                location = config.ledgerDir().toString();
                recovery = files.recoveryReport();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Audit ledger cannot be opened", e);
        }
        long now = System.currentTimeMillis();
        sink.append(now, CanonicalJson.toBytes(AuditRecords.ledgerStarted(now, location, recovery.repaired(), recovery.toString())));
        AlertOutbox outbox = new AlertOutbox(config.alertOutboxDir());
        AlertDispatcher dispatcher = new AlertDispatcher(outbox, new KeycloakAlertSender(factory));
        alerts = new AlertService(outbox, dispatcher, sink);
        dispatcher.start();
        if (config.siem().isPresent()) {
            try {
                siem = SiemForwarder.start(config.siem().get());
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("SIEM forwarder cannot start: " + e.getMessage(), e);
            }
        }
        LOG.infof("Audit ledger open at %s (signing key %s)%s", location, config.keyName(),
                recovery.repaired() ? "; torn tail repaired: " + recovery : "");
    }

    /** First start of an embedded install: make a key, and say where its public half is. */
    private void ensureSigningKey() throws IOException {
        if (Files.exists(config.signingKeyFile())) {
            return;
        }
        Files.createDirectories(config.signingKeyFile().toAbsolutePath().getParent());
        NoteSigningKey key = NoteSigningKey.generate(config.keyName());
        key.write(config.signingKeyFile());
        LOG.warnf("Generated audit ledger signing key %s; its public key: %s. In production provision the key "
                + "from a secret store and give the public key to the auditors.", config.signingKeyFile(), key.verifierKey().format());
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new AuditEventListener(session, sink, alerts);
    }

    @Override
    public void close() {
        if (alerts != null) {
            alerts.close();
        }
        if (siem != null) {
            try {
                siem.close();
            } catch (IOException e) {
                LOG.warn("SIEM forwarder cursor not saved at close; records since the last save will be sent again", e);
            }
        }
        if (ledger != null) {
            try {
                ledger.close();
            } catch (Exception e) {
                LOG.error("Audit ledger did not close cleanly; the next start will recover it", e);
            }
        }
    }
}
