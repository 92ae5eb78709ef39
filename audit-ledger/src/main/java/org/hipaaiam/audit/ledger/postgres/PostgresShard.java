package org.hipaaiam.audit.ledger.postgres;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.hipaaiam.audit.ledger.ShardLog;
import org.hipaaiam.audit.ledger.TreeRebuild;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;

/**
 * A shard stored in the {@code audit_entry} and {@code audit_checkpoint} tables. Staged records
 * go out as one batched INSERT and are acknowledged after the COMMIT.
 */
final class PostgresShard extends ShardLog {

    private static final int FETCH_SIZE = 10_000;

    private final Connection connection;
    private final PreparedStatement insertEntry;
    private final PreparedStatement insertCheckpoint;
    private long nextCheckpointNumber;
    private boolean staged;

    private PostgresShard(TreeRebuild recovered, Connection connection, long nextCheckpointNumber)
            throws SQLException {
        super(recovered);
        this.connection = connection;
        this.nextCheckpointNumber = nextCheckpointNumber;
        this.insertEntry = connection.prepareStatement(
                "INSERT INTO audit_entry (origin, seq, event_time_ms, record) VALUES (?, ?, ?, ?)");
        this.insertCheckpoint = connection.prepareStatement(
                "INSERT INTO audit_checkpoint (origin, number, signed_at_ms, note) VALUES (?, ?, ?, ?)");
    }

    /**
     * Rebuilds the tree from the tables and checks it against the last signed checkpoint. The
     * connection must not be in auto-commit mode (the entries are read with a cursor).
     */
    static PostgresShard recover(Connection connection, TreeRebuild rebuild) throws SQLException {
        String origin = rebuild.origin();
        long checkpoints = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT number, note FROM audit_checkpoint WHERE origin = ? ORDER BY number")) {
            select.setString(1, origin);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    requireNext(rebuild, "checkpoint", rows.getLong(1), checkpoints++);
                    rebuild.checkpoint(rows.getLong(1), rows.getString(2));
                }
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT seq, event_time_ms, record FROM audit_entry WHERE origin = ? ORDER BY seq")) {
            select.setFetchSize(FETCH_SIZE);
            select.setString(1, origin);
            long expected = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    requireNext(rebuild, "entry", rows.getLong(1), expected++);
                    rebuild.record(rows.getLong(2), rows.getBytes(3));
                }
            }
        }
        connection.commit();
        rebuild.requireConsistentWithCheckpoint();
        return new PostgresShard(rebuild, connection, checkpoints);
    }

    @Override
    protected void storeRecord(long index, long timestampMillis, byte[] record) throws IOException {
        try {
            insertEntry.setString(1, origin());
            insertEntry.setLong(2, index);
            insertEntry.setLong(3, timestampMillis);
            insertEntry.setBytes(4, record);
            insertEntry.addBatch();
            staged = true;
        } catch (SQLException e) {
            throw new IOException("staging an audit record failed", e);
        }
    }

    @Override
    public void commit() throws IOException {
        if (!staged) {
            return;
        }
        try {
            insertEntry.executeBatch();
            connection.commit();
            staged = false;
        } catch (SQLException e) {
            throw new IOException("committing audit records failed", e);
        }
    }

    @Override
    protected void storeCheckpoint(long nowMillis, SignedNote note) throws IOException {
        try {
            insertCheckpoint.setString(1, origin());
            insertCheckpoint.setLong(2, nextCheckpointNumber);
            insertCheckpoint.setLong(3, nowMillis);
            insertCheckpoint.setString(4, note.format());
            insertCheckpoint.executeUpdate();
            connection.commit();
            nextCheckpointNumber++;
        } catch (SQLException e) {
            throw new IOException("storing a checkpoint failed", e);
        }
    }

    @Override
    public void close() throws IOException {
        try (insertEntry; insertCheckpoint) {
            // both closed by try-with-resources; the ledger closes the connection
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    private static void requireNext(TreeRebuild rebuild, String what, long found, long expected) {
        if (found != expected) {
            throw rebuild.refusal(what + " " + expected + " is missing (found " + found + ")");
        }
    }
}
