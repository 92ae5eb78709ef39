package org.hipaaiam.audit.ledger.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Installs the ledger tables, triggers and the INSERT/SELECT-only role {@value #WRITER_ROLE} (idempotent). */
public final class PostgresSchema {

    public static final String WRITER_ROLE = "audit_ledger_writer";

    private PostgresSchema() {
    }

    /** The DDL, also shipped as {@code org/hipaaiam/audit/ledger/postgres/schema.sql} for DBAs. */
    public static String script() throws IOException {
        try (InputStream in = PostgresSchema.class.getResourceAsStream("schema.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Runs the DDL as the owning role, in one transaction. */
    public static void install(Connection owner) throws SQLException, IOException {
        boolean autoCommit = owner.getAutoCommit();
        owner.setAutoCommit(false);
        try (Statement statement = owner.createStatement()) {
            statement.execute(script());
            owner.commit();
        } catch (SQLException e) {
            owner.rollback();
            throw e;
        } finally {
            owner.setAutoCommit(autoCommit);
        }
    }
}
