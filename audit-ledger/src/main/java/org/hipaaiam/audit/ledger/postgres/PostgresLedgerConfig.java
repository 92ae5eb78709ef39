package org.hipaaiam.audit.ledger.postgres;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Properties;
import org.hipaaiam.audit.ledger.WriterSettings;

/**
 * Settings of a {@link PostgresLedger}.
 *
 * @param jdbcUrl e.g. {@code jdbc:postgresql://db:5432/keycloak}
 * @param connectionProperties user, password, TLS settings of the PostgreSQL JDBC driver; the
 *        user should be a member of {@link PostgresSchema#WRITER_ROLE}, not the table owner
 * @param signingKeyFile the Ed25519 note signing key; its key name is the origin prefix
 * @param writer shard period, checkpoint interval, batch and queue sizes
 */
public record PostgresLedgerConfig(String jdbcUrl, Properties connectionProperties, Path signingKeyFile,
                                   WriterSettings writer) {

    public PostgresLedgerConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(signingKeyFile, "signingKeyFile");
        Objects.requireNonNull(writer, "writer");
        connectionProperties = copy(connectionProperties);
    }

    @Override
    public Properties connectionProperties() {
        return copy(connectionProperties);
    }

    private static Properties copy(Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }
}
