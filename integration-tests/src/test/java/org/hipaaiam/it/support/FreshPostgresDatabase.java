package org.hipaaiam.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives the PostgreSQL test classes an empty database, so every run also proves that Keycloak creates its
 * schema and imports the realm on PostgreSQL from nothing. Run by the build before the tests.
 */
public final class FreshPostgresDatabase {

    private FreshPostgresDatabase() {
    }

    public static void main(String[] args) throws SQLException {
        if (args.length != 4 || !args[3].matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("usage: FreshPostgresDatabase <admin-jdbc-url> <user> <password> <database>");
        }
        try (Connection admin = DriverManager.getConnection(args[0], args[1], args[2]);
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + args[3] + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + args[3]);
        }
    }
}
