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
import org.hipaaiam.core.settings.Setting;
import org.hipaaiam.core.settings.SpiOptions;

/**
 * The audit listener's settings (`--spi-events-listener--hipaa-audit--<key>`), read once at start-up; a bad
 * value stops the start. Defaults keep the ledger in Keycloak's data folder and the signing key in its conf
 * folder: the key must never sit inside the ledger folder, or whoever rewrites the log could also re-sign it.
 */
record AuditConfig(Path ledgerDir, Path signingKeyFile, String keyName, ShardPeriod shardPeriod, Duration checkpointInterval,
                   Path alertOutboxDir, Optional<SiemConfig> siem, Optional<PostgresLedgerConfig> postgres) {

    /** Default `<kc.home>/data/audit-ledger`. */
    static final Setting<String> LEDGER_DIR = Setting.text("ledger-dir", null);
    /** Default `<kc.home>/conf/audit-ledger.key`. */
    static final Setting<String> SIGNING_KEY_FILE = Setting.text("signing-key-file", null);
    /** The checkpoint signer's name; default `keycloak-audit/<hostname>`: set it per node in a cluster. */
    static final Setting<String> KEY_NAME = Setting.parsed("key-name", null, AuditConfig::keyName);
    static final Setting<ShardPeriod> SHARD_PERIOD = Setting.parsed("shard-period", ShardPeriod.YEAR,
            value -> choice(ShardPeriod.class, value));
    static final Setting<Long> CHECKPOINT_INTERVAL_MILLIS = Setting.number("checkpoint-interval-millis", 1000, 10, 3_600_000);
    /** Default `<kc.home>/data/alert-outbox`. */
    static final Setting<String> ALERT_OUTBOX_DIR = Setting.text("alert-outbox-dir", null);
    static final Setting<String> LEDGER_BACKEND = Setting.parsed("ledger-backend", "file", value -> {
        if (!value.equals("file") && !value.equals("postgres")) {
            throw new IllegalArgumentException("must be file or postgres");
        }
        return value;
    });
    static final Setting<String> LEDGER_JDBC_URL = Setting.text("ledger-jdbc-url", null);
    static final Setting<String> LEDGER_DB_USER = Setting.text("ledger-db-user", "audit_ledger_app");
    static final Setting<String> LEDGER_DB_PASSWORD = Setting.secret("ledger-db-password");
    /** The SIEM forwarder runs when set. */
    static final Setting<String> SIEM_HOST = Setting.text("siem-host", null);
    static final Setting<Long> SIEM_PORT = Setting.number("siem-port", SiemConfig.DEFAULT_PORT, 1, 65535);
    static final Setting<String> SIEM_TRUSTSTORE = Setting.text("siem-truststore", null);
    static final Setting<String> SIEM_TRUSTSTORE_PASSWORD = Setting.secret("siem-truststore-password");
    /** Default `<kc.home>/data/siem-cursor`. */
    static final Setting<String> SIEM_CURSOR_FILE = Setting.text("siem-cursor-file", null);
    static final Setting<Long> SIEM_MAX_BACKOFF_MILLIS = Setting.number("siem-max-backoff-millis", SiemConfig.DEFAULT_MAX_BACKOFF.toMillis(),
            100, 3_600_000);
    static final Setting<SyslogFacility> SIEM_FACILITY = Setting.parsed("siem-facility", SiemConfig.DEFAULT_FACILITY,
            value -> choice(SyslogFacility.class, value));
    static final Setting<String> SIEM_CLIENT_KEYSTORE = Setting.text("siem-client-keystore", null);
    static final Setting<String> SIEM_CLIENT_KEYSTORE_PASSWORD = Setting.secret("siem-client-keystore-password");

    static AuditConfig from(SpiOptions options, Path keycloakHome) {
        Path ledgerDir = path(options, LEDGER_DIR, keycloakHome.resolve("data/audit-ledger"));
        Path keyFile = path(options, SIGNING_KEY_FILE, keycloakHome.resolve("conf/audit-ledger.key"));
        String keyName = Optional.ofNullable(options.get(KEY_NAME)).orElseGet(() -> "keycloak-audit/" + hostname());
        ShardPeriod period = options.get(SHARD_PERIOD);
        Duration interval = Duration.ofMillis(options.get(CHECKPOINT_INTERVAL_MILLIS));
        Path outbox = path(options, ALERT_OUTBOX_DIR, keycloakHome.resolve("data/alert-outbox"));
        Optional<SiemConfig> siem = siem(options, ledgerDir, keycloakHome);
        Optional<PostgresLedgerConfig> postgres = postgres(options, keyFile, period, interval);
        if (siem.isPresent() && postgres.isPresent()) {
            throw new IllegalArgumentException("siem-host needs ledger-backend=file: the SIEM forwarder reads the ledger's files");
        }
        return new AuditConfig(ledgerDir, keyFile, keyName, period, interval, outbox, siem, postgres);
    }

    /** `ledger-backend=postgres` keeps the same records and tree in PostgreSQL tables instead of files. */
    private static Optional<PostgresLedgerConfig> postgres(SpiOptions options, Path keyFile, ShardPeriod period, Duration interval) {
        if ("file".equals(options.get(LEDGER_BACKEND))) {
            return Optional.empty();
        }
        String url = options.get(LEDGER_JDBC_URL);
        if (url == null) {
            throw new IllegalArgumentException("ledger-jdbc-url is required with ledger-backend=postgres");
        }
        Properties connection = new Properties();
        connection.setProperty("user", options.get(LEDGER_DB_USER));
        String password = options.get(LEDGER_DB_PASSWORD);
        if (password != null) {
            connection.setProperty("password", password);
        }
        WriterSettings defaults = WriterSettings.defaults();
        return Optional.of(new PostgresLedgerConfig(url, connection, keyFile, new WriterSettings(period, interval,
                defaults.maxBatchSize(), defaults.queueCapacity(), defaults.maxRecordBytes())));
    }

    /** The SIEM forwarder runs when `siem-host` is set; it then needs a trust store for the receiver's certificate. */
    private static Optional<SiemConfig> siem(SpiOptions options, Path ledgerDir, Path keycloakHome) {
        String host = options.get(SIEM_HOST);
        if (host == null) {
            return Optional.empty();
        }
        String trustStore = options.get(SIEM_TRUSTSTORE);
        if (trustStore == null) {
            throw new IllegalArgumentException("siem-truststore is required when siem-host is set");
        }
        Path cursor = path(options, SIEM_CURSOR_FILE, keycloakHome.resolve("data/siem-cursor"));
        SiemConfig.Builder builder = SiemConfig.builder(ledgerDir, cursor, host, Path.of(trustStore))
                .port(options.get(SIEM_PORT).intValue())
                .backoff(SiemConfig.DEFAULT_INITIAL_BACKOFF, Duration.ofMillis(options.get(SIEM_MAX_BACKOFF_MILLIS)))
                .facility(options.get(SIEM_FACILITY));
        String trustStorePassword = options.get(SIEM_TRUSTSTORE_PASSWORD);
        if (trustStorePassword != null) {
            builder.trustStorePassword(trustStorePassword.toCharArray());
        }
        String clientKeyStore = options.get(SIEM_CLIENT_KEYSTORE);
        if (clientKeyStore != null) {
            String password = options.get(SIEM_CLIENT_KEYSTORE_PASSWORD);
            builder.clientKeyStore(Path.of(clientKeyStore), (password == null ? "" : password).toCharArray());
        }
        return Optional.of(builder.build());
    }

    LedgerConfig ledgerConfig() {
        return LedgerConfig.builder(ledgerDir, signingKeyFile)
                .shardPeriod(shardPeriod)
                .checkpointInterval(checkpointInterval)
                .build();
    }

    private static Path path(SpiOptions options, Setting<String> option, Path fallback) {
        String configured = options.get(option);
        return configured == null ? fallback : Path.of(configured);
    }

    private static String keyName(String value) {
        if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '+')) {
            throw new IllegalArgumentException("must be without spaces or '+'");
        }
        return value;
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("must be one of " + java.util.Arrays.toString(type.getEnumConstants()).toLowerCase(Locale.ROOT));
        }
    }

    private static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
