package org.hipaaiam.audit.ledger.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.hipaaiam.audit.ledger.EntryPosition;
import org.hipaaiam.audit.ledger.LedgerException;
import org.hipaaiam.audit.ledger.LedgerIntegrityException;
import org.hipaaiam.audit.ledger.TestLedgers;
import org.hipaaiam.audit.ledger.WriterSettings;
import org.hipaaiam.audit.ledger.checkpoint.Checkpoint;
import org.hipaaiam.audit.ledger.checkpoint.NoteSigningKey;
import org.hipaaiam.audit.ledger.checkpoint.SignedNote;
import org.hipaaiam.audit.ledger.tree.MerkleFrontier;
import org.hipaaiam.audit.ledger.tree.TreeHash;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Against a real PostgreSQL (database {@value #DATABASE}, created if absent). Rows can never be
 * deleted, so each test writes under its own random key name.
 */
@Tag("postgres")
class PostgresLedgerTest {

    private static final String DATABASE = "hipaa_ledger_test";
    private static final String SERVER = System.getProperty("ledger.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private static final String APP_ROLE = "hipaa_ledger_app";

    @TempDir
    Path root;
    private String keyName;
    private Path keyFile;

    @BeforeAll
    static void installSchema() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
             Statement statement = admin.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + DATABASE);
            }
        }
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            PostgresSchema.install(owner);
            statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + APP_ROLE
                    + "') THEN CREATE ROLE " + APP_ROLE + " LOGIN; END IF; END $$");
            statement.execute("GRANT " + PostgresSchema.WRITER_ROLE + " TO " + APP_ROLE);
            owner.commit();
        }
    }

    @BeforeEach
    void newKey() throws IOException {
        keyName = "test.example/" + UUID.randomUUID();
        keyFile = root.resolve("ledger.key");
        NoteSigningKey.generate(keyName).write(keyFile);
    }

    @Test
    void batchedAppendsAreCommittedSignedAndRecoveredAfterReopen() throws Exception {
        List<CompletableFuture<EntryPosition>> pending = new ArrayList<>();
        try (PostgresLedger ledger = PostgresLedger.open(config())) {
            for (int i = 0; i < 200; i++) {
                pending.add(ledger.appendAsync(TestLedgers.MARCH_2026 + i, TestLedgers.record(i)));
            }
            for (int i = 0; i < 200; i++) {
                assertEquals(new EntryPosition(keyName + "/2026", i), pending.get(i).get());
            }
        }
        try (PostgresLedger ledger = PostgresLedger.open(config())) {
            assertEquals(200, ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(200)).index());
        }
        MerkleFrontier tree = new MerkleFrontier();
        try (Connection owner = owner();
             PreparedStatement select = owner.prepareStatement(
                     "SELECT event_time_ms, record FROM audit_entry WHERE origin = ? ORDER BY seq")) {
            select.setString(1, keyName + "/2026");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    tree.append(TreeHash.leaf(Frame.leafData(rows.getLong(1), rows.getBytes(2))));
                }
            }
        }
        SignedNote last = SignedNote.parse(lastNote(keyName + "/2026"));
        assertTrue(NoteSigningKey.read(keyFile).verifierKey().verifies(last));
        assertEquals(new Checkpoint(keyName + "/2026", 201, tree.root()), Checkpoint.parseBody(last.text()));
    }

    @Test
    void writerRoleMayOnlyInsertAndSelect() throws Exception {
        appendSome(3);
        try (Connection app = DriverManager.getConnection(SERVER + DATABASE, APP_ROLE, "");
             Statement statement = app.createStatement()) {
            for (String sql : List.of("UPDATE audit_entry SET record = 'x'", "DELETE FROM audit_entry",
                    "TRUNCATE audit_entry", "DELETE FROM audit_checkpoint", "TRUNCATE audit_checkpoint")) {
                SQLException e = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(e.getMessage().contains("permission denied"), e.getMessage());
            }
        }
    }

    @Test
    void triggersStopEvenTheOwnerAndReplicationRole() throws Exception {
        appendSome(3);
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            owner.setAutoCommit(true);
            statement.execute("SET session_replication_role = replica");
            for (String sql : List.of("UPDATE audit_entry SET record = 'x' WHERE origin = '" + keyName + "/2026'",
                    "DELETE FROM audit_entry WHERE origin = '" + keyName + "/2026'", "TRUNCATE audit_entry",
                    "UPDATE audit_checkpoint SET note = 'x'", "TRUNCATE audit_checkpoint")) {
                SQLException e = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
                assertTrue(e.getMessage().contains("is append-only"), e.getMessage());
            }
        }
    }

    @Test
    void rowChangedBehindTheTriggersIsRefusedAtStartUp() throws Exception {
        appendSome(5);
        try (Connection owner = owner(); Statement statement = owner.createStatement()) {
            // What a table owner can still do; the signed tree is what catches it.
            statement.execute("ALTER TABLE audit_entry DISABLE TRIGGER audit_entry_append_only");
            statement.execute("UPDATE audit_entry SET record = 'forged' WHERE origin = '" + keyName
                    + "/2026' AND seq = 2");
            statement.execute("ALTER TABLE audit_entry ENABLE ALWAYS TRIGGER audit_entry_append_only");
            owner.commit();
        }
        LedgerIntegrityException e = assertThrows(LedgerIntegrityException.class, () -> PostgresLedger.open(config()));
        assertTrue(e.getMessage().contains("no longer hash to the root"), e.getMessage());
    }

    @Test
    void secondWriterIsRefused() throws Exception {
        try (PostgresLedger ledger = PostgresLedger.open(config())) {
            assertThrows(LedgerException.class, () -> PostgresLedger.open(config()));
            ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(1));
        }
    }

    @Test
    void nodesOfAClusterEachWriteTheirOwnTreeInTheSameTables() throws Exception {
        String otherName = keyName + "-node-2";
        Path otherKey = root.resolve("node-2.key");
        NoteSigningKey.generate(otherName).write(otherKey);
        List<CompletableFuture<EntryPosition>> pending = new ArrayList<>();
        try (PostgresLedger first = PostgresLedger.open(config());
             PostgresLedger second = PostgresLedger.open(config(otherKey))) {
            for (int i = 0; i < 300; i++) {
                pending.add((i % 2 == 0 ? first : second).appendAsync(TestLedgers.MARCH_2026 + i, TestLedgers.record(i)));
            }
            for (CompletableFuture<EntryPosition> acknowledged : pending) {
                acknowledged.get();
            }
        }
        assertEquals(new EntryPosition(keyName + "/2026", 149), pending.get(298).get(), "node 1's tree holds its own 150 records");
        assertEquals(new EntryPosition(otherName + "/2026", 149), pending.get(299).get(), "node 2's tree holds its own 150 records");
        // Reopening recovers each tree from the shared tables against its own signed checkpoints.
        try (PostgresLedger first = PostgresLedger.open(config());
             PostgresLedger second = PostgresLedger.open(config(otherKey))) {
            assertEquals(150, first.append(TestLedgers.MARCH_2026, TestLedgers.record(1)).index());
            assertEquals(150, second.append(TestLedgers.MARCH_2026, TestLedgers.record(2)).index());
        }
        assertTrue(NoteSigningKey.read(otherKey).verifierKey().verifies(SignedNote.parse(lastNote(otherName + "/2026"))));
    }

    private void appendSome(int records) throws IOException {
        try (PostgresLedger ledger = PostgresLedger.open(config())) {
            for (int i = 0; i < records; i++) {
                ledger.append(TestLedgers.MARCH_2026, TestLedgers.record(i));
            }
        }
    }

    private PostgresLedgerConfig config() {
        return config(keyFile);
    }

    private PostgresLedgerConfig config(Path key) {
        Properties properties = new Properties();
        properties.setProperty("user", APP_ROLE);
        return new PostgresLedgerConfig(SERVER + DATABASE, properties, key, WriterSettings.defaults());
    }

    private String lastNote(String origin) throws SQLException {
        try (Connection owner = owner();
             PreparedStatement select = owner.prepareStatement(
                     "SELECT note FROM audit_checkpoint WHERE origin = ? ORDER BY number DESC LIMIT 1")) {
            select.setString(1, origin);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return row.getString(1);
            }
        }
    }

    private static Connection owner() throws SQLException {
        Connection owner = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
        owner.setAutoCommit(false);
        return owner;
    }
}
