-- Audit ledger tables for PostgreSQL 14+. Run once as the owning (DBA) role; the
-- application logs in as a role that is a member of audit_ledger_writer, which may only
-- INSERT and SELECT. The triggers are defence in depth: the table owner or a superuser can
-- still disable them, which is why the Merkle tree and signed checkpoints exist.

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'audit_ledger_writer') THEN
        CREATE ROLE audit_ledger_writer NOLOGIN;
    END IF;
END
$$;

CREATE TABLE IF NOT EXISTS audit_entry (
    origin        text   NOT NULL,
    seq           bigint NOT NULL CHECK (seq >= 0),
    event_time_ms bigint NOT NULL,
    record        bytea  NOT NULL,
    PRIMARY KEY (origin, seq)
);

CREATE TABLE IF NOT EXISTS audit_checkpoint (
    origin       text   NOT NULL,
    number       bigint NOT NULL CHECK (number >= 0),
    signed_at_ms bigint NOT NULL,
    note         text   NOT NULL,
    PRIMARY KEY (origin, number)
);

CREATE OR REPLACE FUNCTION audit_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit ledger table % is append-only: % refused', TG_TABLE_NAME, TG_OP;
END
$$;

CREATE OR REPLACE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_append_only();
CREATE OR REPLACE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_append_only();
CREATE OR REPLACE TRIGGER audit_checkpoint_append_only BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_append_only();
CREATE OR REPLACE TRIGGER audit_checkpoint_no_truncate BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_append_only();

-- ALWAYS: also fire under session_replication_role = replica, which skips ordinary triggers.
ALTER TABLE audit_entry ENABLE ALWAYS TRIGGER audit_entry_append_only;
ALTER TABLE audit_entry ENABLE ALWAYS TRIGGER audit_entry_no_truncate;
ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_append_only;
ALTER TABLE audit_checkpoint ENABLE ALWAYS TRIGGER audit_checkpoint_no_truncate;

REVOKE ALL ON audit_entry, audit_checkpoint FROM PUBLIC;
GRANT SELECT, INSERT ON audit_entry, audit_checkpoint TO audit_ledger_writer;
