-- Version 7 (SQLite): the audit trail and the access log are tamper-evident. Each entry carries the hash of the entry
-- before it (chain_prev) and its own (chain_hash): SHA-256 over the previous hash and the entry's fields, as
-- OutturnStore.Chain.cs defines the encoding. Entries written before this version are chained by the store when it is
-- first opened after this migration (in id order, in one transaction), so these columns start empty.
ALTER TABLE audit_trail ADD COLUMN chain_prev TEXT NULL;
ALTER TABLE audit_trail ADD COLUMN chain_hash TEXT NULL;
ALTER TABLE access_log ADD COLUMN chain_prev TEXT NULL;
ALTER TABLE access_log ADD COLUMN chain_hash TEXT NULL;

-- One entry follows each: two writers can never both append after the same entry (a forked chain).
CREATE UNIQUE INDEX audit_trail_chain_prev ON audit_trail (chain_prev);
CREATE UNIQUE INDEX access_log_chain_prev ON access_log (chain_prev);
-- The entries not yet chained, found at once.
CREATE INDEX audit_trail_unchained ON audit_trail (id) WHERE chain_hash IS NULL;
CREATE INDEX access_log_unchained ON access_log (id) WHERE chain_hash IS NULL;

-- Still append-only: no delete, and the one update allowed is chaining an entry that has no hash yet, nothing else
-- changed.
DROP TRIGGER audit_trail_append_only_update;
DROP TRIGGER access_log_append_only_update;
CREATE TRIGGER audit_trail_append_only_update BEFORE UPDATE ON audit_trail
WHEN NOT (OLD.chain_hash IS NULL AND OLD.chain_prev IS NULL AND NEW.chain_hash IS NOT NULL AND NEW.chain_prev IS NOT NULL
    AND NEW.id = OLD.id AND NEW.happened_at = OLD.happened_at AND NEW.done_by = OLD.done_by AND NEW.action = OLD.action AND NEW.detail = OLD.detail)
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log
WHEN NOT (OLD.chain_hash IS NULL AND OLD.chain_prev IS NULL AND NEW.chain_hash IS NOT NULL AND NEW.chain_prev IS NOT NULL
    AND NEW.id = OLD.id AND NEW.happened_at = OLD.happened_at AND NEW.done_by = OLD.done_by AND NEW.purpose = OLD.purpose AND NEW.children = OLD.children)
BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
UPDATE outturn_schema SET version = 7;
