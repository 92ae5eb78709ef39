package org.hipaaiam.audit.ledger.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.hipaaiam.audit.ledger.EntryPosition;
import org.hipaaiam.audit.ledger.GroupCommitWriter;
import org.hipaaiam.audit.ledger.LedgerException;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.ShardLog;
import org.hipaaiam.audit.ledger.TreeRebuild;
import org.hipaaiam.audit.ledger.WriterSettings;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;

/**
 * The audit ledger kept in PostgreSQL instead of segment files: the same records, tree and
 * signed checkpoints, written by one writer thread over one connection with batched INSERTs,
 * and acknowledged after COMMIT. A session advisory lock keeps a second writer out.
 */
public final class PostgresLedger implements AutoCloseable {

    private final Connection connection;
    private final GroupCommitWriter writer;

    private PostgresLedger(Connection connection, GroupCommitWriter writer) {
        this.connection = connection;
        this.writer = writer;
    }

    /**
     * Connects, takes the writer lock, recovers every shard of this key's origin prefix and
     * starts the writer. The schema must be installed ({@link PostgresSchema}).
     *
     * @throws org.hipaaiam.audit.ledger.LedgerIntegrityException if the tables contradict a signed checkpoint
     */
    public static PostgresLedger open(PostgresLedgerConfig config) throws IOException {
        NoteSigningKey key = NoteSigningKey.read(config.signingKeyFile());
        Properties properties = config.connectionProperties();
        // Lets the driver send a batch as multi-row INSERTs.
        properties.putIfAbsent("reWriteBatchedInserts", "true");
        Connection connection = null;
        try {
            connection = DriverManager.getConnection(config.jdbcUrl(), properties);
            connection.setAutoCommit(false);
            lockWriter(connection, key.name());
            Map<String, ShardLog> shards = new HashMap<>();
            for (String label : periodLabels(connection, key.name(), config.writer())) {
                shards.put(label, recover(connection, key, label));
            }
            Connection owned = connection;
            return new PostgresLedger(connection, GroupCommitWriter.start(config.writer(), key, shards,
                    label -> recover(owned, key, label)));
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IOException("opening the PostgreSQL audit ledger failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Appends a record and returns once it is committed; see {@code AuditLedger#append}. */
    public EntryPosition append(long timestampMillis, byte[] record) {
        return writer.append(timestampMillis, record);
    }

    public CompletableFuture<EntryPosition> appendAsync(long timestampMillis, byte[] record) {
        return writer.appendAsync(timestampMillis, record);
    }

    @Override
    public void close() throws IOException {
        try {
            writer.close();
        } finally {
            closeQuietly(connection);
        }
    }

    private static ShardLog recover(Connection connection, NoteSigningKey key, String label) throws IOException {
        try {
            return PostgresShard.recover(connection,
                    new TreeRebuild(LedgerLayout.origin(key.name(), label), key.verifierKey()));
        } catch (SQLException e) {
            throw new IOException("reading shard " + label + " failed", e);
        }
    }

    /** One writer per key name at a time, across processes and hosts sharing the database. */
    private static void lockWriter(Connection connection, String keyName) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
            lock.setString(1, "hipaa-audit-ledger/" + keyName);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                if (!row.getBoolean(1)) {
                    throw new LedgerException("another writer holds the audit ledger of " + keyName);
                }
            }
        }
        connection.commit();
    }

    /** Period labels of the shards this key has written, from the origins in the tables. */
    private static Set<String> periodLabels(Connection connection, String keyName, WriterSettings writer)
            throws SQLException {
        String prefix = keyName + "/";
        Set<String> labels = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT origin FROM audit_checkpoint WHERE starts_with(origin, ?)"
                        + " UNION SELECT DISTINCT origin FROM audit_entry WHERE starts_with(origin, ?)")) {
            select.setString(1, prefix);
            select.setString(2, prefix);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String label = rows.getString(1).substring(prefix.length());
                    if (writer.shardPeriod().isLabel(label)) {
                        labels.add(label);
                    }
                }
            }
        }
        connection.commit();
        return labels;
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // nothing more can be done; the session (and its advisory lock) ends with the connection
            }
        }
    }
}
