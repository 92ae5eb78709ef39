package org.hipaaiam.events.audit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.ShardPeriod;
import org.hipaaiam.audit.ledger.WriterSettings;
import org.hipaaiam.audit.ledger.postgres.PostgresLedgerConfig;
import org.hipaaiam.audit.siem.SiemConfig;
import org.hipaaiam.audit.siem.SyslogFacility;
import org.keycloak.Config;

/**
 * The audit listener's settings (`--spi-events-listener--hipaa-audit--<key>`), read once at start-up.
 * Defaults keep the ledger in Keycloak's data folder and the signing key in its conf folder: the key must
 * never sit inside the ledger folder, or whoever rewrites the log could also re-sign it.
 */
record AuditConfig(Path ledgerDir, Path signingKeyFile, String keyName, ShardPeriod shardPeriod, Duration checkpointInterval,
                   Path alertOutboxDir, Optional<SiemConfig> siem, Optional<PostgresLedgerConfig> postgres) {

    static AuditConfig from(Config.Scope scope, Path keycloakHome) {
        Path ledgerDir = Path.of(scope.get("ledger-dir", keycloakHome.resolve("data/audit-ledger").toString()));
        Path keyFile = Path.of(scope.get("signing-key-file", keycloakHome.resolve("conf/audit-ledger.key").toString()));
        String keyName = scope.get("key-name", "keycloak-audit/" + hostname());
        if (keyName.isBlank() || keyName.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("key-name must be non-empty without spaces or '+': " + keyName);
        }
        ShardPeriod period = ShardPeriod.valueOf(scope.get("shard-period", "YEAR").toUpperCase(Locale.ROOT));
        Duration interval = Duration.ofMillis(scope.getLong("checkpoint-interval-millis", 1000L));
        Path outbox = Path.of(scope.get("alert-outbox-dir", keycloakHome.resolve("data/alert-outbox").toString()));
        Optional<SiemConfig> siem = siem(scope, ledgerDir, keycloakHome);
        Optional<PostgresLedgerConfig> postgres = postgres(scope, keyFile, period, interval);
        if (siem.isPresent() && postgres.isPresent()) {
            throw new IllegalArgumentException("siem-host needs ledger-backend=file: the SIEM forwarder reads the ledger's files");
        }
        return new AuditConfig(ledgerDir, keyFile, keyName, period, interval, outbox, siem, postgres);
    }

    /** `ledger-backend=postgres` keeps the same records and tree in PostgreSQL tables instead of files. */
    private static Optional<PostgresLedgerConfig> postgres(Config.Scope scope, Path keyFile, ShardPeriod period, Duration interval) {
        String backend = scope.get("ledger-backend", "file");
        if ("file".equals(backend)) {
            return Optional.empty();
        }
        if (!"postgres".equals(backend)) {
            throw new IllegalArgumentException("ledger-backend must be file or postgres, got " + backend);
        }
        String url = scope.get("ledger-jdbc-url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("ledger-jdbc-url is required with ledger-backend=postgres");
        }
        Properties connection = new Properties();
        connection.setProperty("user", scope.get("ledger-db-user", "audit_ledger_app"));
        String password = scope.get("ledger-db-password");
        if (password != null) {
            connection.setProperty("password", password);
        }
        WriterSettings defaults = WriterSettings.defaults();
        return Optional.of(new PostgresLedgerConfig(url, connection, keyFile, new WriterSettings(period, interval,
                defaults.maxBatchSize(), defaults.queueCapacity(), defaults.maxRecordBytes())));
    }

    /** The SIEM forwarder runs when `siem-host` is set; it then needs a trust store for the receiver's certificate. */
    private static Optional<SiemConfig> siem(Config.Scope scope, Path ledgerDir, Path keycloakHome) {
        String host = scope.get("siem-host");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        String trustStore = scope.get("siem-truststore");
        if (trustStore == null || trustStore.isBlank()) {
            throw new IllegalArgumentException("siem-truststore is required when siem-host is set");
        }
        Path cursor = Path.of(scope.get("siem-cursor-file", keycloakHome.resolve("data/siem-cursor").toString()));
        SiemConfig.Builder builder = SiemConfig.builder(ledgerDir, cursor, host, Path.of(trustStore))
                .port(scope.getInt("siem-port", SiemConfig.DEFAULT_PORT))
                .backoff(SiemConfig.DEFAULT_INITIAL_BACKOFF,
                        Duration.ofMillis(scope.getLong("siem-max-backoff-millis", SiemConfig.DEFAULT_MAX_BACKOFF.toMillis())))
                .facility(SyslogFacility.valueOf(scope.get("siem-facility", SiemConfig.DEFAULT_FACILITY.name()).toUpperCase(Locale.ROOT)));
        String trustStorePassword = scope.get("siem-truststore-password");
        if (trustStorePassword != null) {
            builder.trustStorePassword(trustStorePassword.toCharArray());
        }
        String clientKeyStore = scope.get("siem-client-keystore");
        if (clientKeyStore != null && !clientKeyStore.isBlank()) {
            builder.clientKeyStore(Path.of(clientKeyStore), scope.get("siem-client-keystore-password", "").toCharArray());
        }
        return Optional.of(builder.build());
    }

    LedgerConfig ledgerConfig() {
        return LedgerConfig.builder(ledgerDir, signingKeyFile)
                .shardPeriod(shardPeriod)
                .checkpointInterval(checkpointInterval)
                .build();
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
