package org.hipaaiam.docker.production;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * An empty database on the machine's PostgreSQL (127.0.0.1:5432, trust authentication), so every run proves that
 * Keycloak creates its schema and imports the realm from nothing. The nodes of one cluster share one.
 */
public record ProductionDatabase(String name) {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String USER = "postgres";

    public static ProductionDatabase fresh(String name) throws SQLException {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", USER, "");
             Statement sql = admin.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            sql.execute("CREATE DATABASE " + name);
        }
        return new ProductionDatabase(name);
    }

    /** For checks that look at what Keycloak stored. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), USER, "");
    }

    public String jdbcUrl() {
        return SERVER + name;
    }
}
