package org.hipaaiam.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.hipaaiam.audit.ledger.postgres.PostgresSchema;

/**
 * Run by the build before the integration tests: an empty PostgreSQL database, so every run also proves that
 * Keycloak creates its schema and imports the realm on PostgreSQL from nothing, and no audit ledger, SIEM
 * cursor or alert state left from an earlier run.
 */
public final class FreshTestState {

    private FreshTestState() {
    }

    public static void main(String[] args) throws SQLException, IOException {
        if (args.length != 4 || !args[3].matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("usage: FreshTestState <admin-jdbc-url> <user> <password> <database>");
        }
        deleteRecursively(AuditTrail.ROOT);
        try (Connection admin = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + args[3] + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + args[3]);
        }
        installLedgerSchema(args[0].substring(0, args[0].lastIndexOf('/') + 1) + args[3], args[1], args[2]);
    }

    /** The PostgreSQL ledger's tables, and a login role that may only INSERT and SELECT on them. */
    private static void installLedgerSchema(String url, String owner, String password) throws SQLException, IOException {
        try (Connection database = DriverManager.getConnection(url, owner, password);
             Statement sql = database.createStatement()) {
            PostgresSchema.install(database);
            sql.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + HipaaServerConfig.POSTGRES_LEDGER_USER
                    + "') THEN CREATE ROLE " + HipaaServerConfig.POSTGRES_LEDGER_USER + " LOGIN; END IF; END $$");
            sql.execute("GRANT " + PostgresSchema.WRITER_ROLE + " TO " + HipaaServerConfig.POSTGRES_LEDGER_USER);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
