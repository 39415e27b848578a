-- Version 7 (PostgreSQL): the audit trail and the access log are tamper-evident. Each entry carries the hash of the
-- entry before it (chain_prev) and its own (chain_hash): SHA-256 over the previous hash and the entry's fields, as
-- OutturnStore.Chain.cs defines the encoding. Entries written before this version are chained by the store when it is
-- first opened after this migration (in id order, in one transaction), so these columns start empty.
ALTER TABLE audit_trail ADD COLUMN chain_prev TEXT NULL, ADD COLUMN chain_hash TEXT NULL;
ALTER TABLE access_log ADD COLUMN chain_prev TEXT NULL, ADD COLUMN chain_hash TEXT NULL;

-- One entry follows each: two writers (two processes, several web instances) can never both append after the same
-- entry (a forked chain).
CREATE UNIQUE INDEX audit_trail_chain_prev ON audit_trail (chain_prev);
CREATE UNIQUE INDEX access_log_chain_prev ON access_log (chain_prev);
-- The entries not yet chained, found at once.
CREATE INDEX audit_trail_unchained ON audit_trail (id) WHERE chain_hash IS NULL;
CREATE INDEX access_log_unchained ON access_log (id) WHERE chain_hash IS NULL;

-- Still append-only: no delete or truncate, and the one update allowed is chaining an entry that has no hash yet,
-- nothing else changed.
CREATE FUNCTION outturn_chain_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.chain_hash IS NULL AND OLD.chain_prev IS NULL AND NEW.chain_hash IS NOT NULL AND NEW.chain_prev IS NOT NULL
        AND (to_jsonb(NEW) - 'chain_hash' - 'chain_prev') = (to_jsonb(OLD) - 'chain_hash' - 'chain_prev') THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the % is append-only', TG_ARGV[0];
END;
$$;
DROP TRIGGER audit_trail_append_only ON audit_trail;
DROP TRIGGER access_log_append_only ON access_log;
CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON audit_trail FOR EACH ROW EXECUTE FUNCTION outturn_chain_only('audit trail');
CREATE TRIGGER access_log_append_only BEFORE UPDATE OR DELETE ON access_log FOR EACH ROW EXECUTE FUNCTION outturn_chain_only('access log');
CREATE TRIGGER audit_trail_no_truncate BEFORE TRUNCATE ON audit_trail FOR EACH STATEMENT EXECUTE FUNCTION outturn_append_only('audit trail');
CREATE TRIGGER access_log_no_truncate BEFORE TRUNCATE ON access_log FOR EACH STATEMENT EXECUTE FUNCTION outturn_append_only('access log');
UPDATE outturn_schema SET version = 7;
