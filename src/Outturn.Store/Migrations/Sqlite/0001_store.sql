-- The store, version 1 (SQLite). Numbers are kept as invariant text (exact decimals on both providers), moments as
-- UTC ISO 8601 text, flags as 0/1. Postgres/0001_store.sql is the same schema in PostgreSQL's words.
CREATE TABLE outturn_schema (version INTEGER NOT NULL);
INSERT INTO outturn_schema (version) VALUES (1);

-- Each file as received: its bytes, digest, kind, the period it covers, who and when; a newer file for the same slot
-- (kind, period, table) replaces it as a new revision, and the old stays, no longer current.
CREATE TABLE imports (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    slot TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size INTEGER NOT NULL,
    content BLOB NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    revision INTEGER NOT NULL,
    replaces INTEGER NULL REFERENCES imports (id),
    is_current INTEGER NOT NULL
);
CREATE INDEX imports_slot ON imports (slot, is_current);
CREATE INDEX imports_sha256 ON imports (sha256);

-- One computation of the figures from the current imports (or one load of ready-made figures).
CREATE TABLE computations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    computed_at TEXT NOT NULL,
    computed_by TEXT NOT NULL,
    source TEXT NOT NULL,
    imports TEXT NOT NULL
);

-- Every problem found in the returns at a computation, with the import whose file it is in.
CREATE TABLE problems (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    computation_id INTEGER NOT NULL REFERENCES computations (id),
    import_id INTEGER NULL REFERENCES imports (id),
    file TEXT NOT NULL,
    row_number INTEGER NULL,
    field TEXT NULL,
    message TEXT NOT NULL,
    outcome TEXT NOT NULL,
    child_id TEXT NULL,
    rule TEXT NULL
);
CREATE INDEX problems_computation ON problems (computation_id);

-- Every indicator's figure for every month, from one computation; the figures of earlier computations are kept.
CREATE TABLE figures (
    computation_id INTEGER NOT NULL REFERENCES computations (id),
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    numerator TEXT NOT NULL,
    denominator TEXT NOT NULL,
    value TEXT NULL,
    covers_from TEXT NOT NULL,
    covers_to TEXT NOT NULL,
    history_from TEXT NULL,
    is_current INTEGER NOT NULL,
    PRIMARY KEY (computation_id, indicator, period)
);
CREATE INDEX figures_current ON figures (is_current, indicator, period);

-- Targets and tolerances per indicator per financial year; a new setting supersedes the old, which is kept.
CREATE TABLE targets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    indicator TEXT NOT NULL,
    year TEXT NOT NULL,
    polarity TEXT NOT NULL,
    green TEXT NOT NULL,
    amber TEXT NULL,
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    is_current INTEGER NOT NULL
);
CREATE INDEX targets_current ON targets (is_current, indicator, year);

-- Commentary per indicator or service area, per month or quarter.
CREATE TABLE commentary (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    period TEXT NOT NULL,
    area TEXT NOT NULL,
    indicator TEXT NULL,
    heading TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    author TEXT NOT NULL,
    written_at TEXT NOT NULL,
    is_current INTEGER NOT NULL
);

-- A published month or quarter: the figures, targets and commentary as shown, frozen.
CREATE TABLE publications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    period TEXT NOT NULL UNIQUE,
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    computation_id INTEGER NOT NULL REFERENCES computations (id)
);
CREATE TABLE published_figures (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    numerator TEXT NOT NULL,
    denominator TEXT NOT NULL,
    value TEXT NULL,
    PRIMARY KEY (publication_id, indicator, period)
);
CREATE TABLE published_targets (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    indicator TEXT NOT NULL,
    year TEXT NOT NULL,
    polarity TEXT NOT NULL,
    green TEXT NOT NULL,
    amber TEXT NULL,
    PRIMARY KEY (publication_id, indicator, year)
);
CREATE TABLE published_commentary (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    area TEXT NOT NULL,
    indicator TEXT NULL,
    heading TEXT NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    author TEXT NOT NULL
);

-- Every change (imports, targets, commentary, publications), appended and never rewritten.
CREATE TABLE audit_trail (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    happened_at TEXT NOT NULL,
    done_by TEXT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT NOT NULL
);

-- Every disclosure of children (the access log), appended and never rewritten.
CREATE TABLE access_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    happened_at TEXT NOT NULL,
    done_by TEXT NOT NULL,
    purpose TEXT NOT NULL,
    children TEXT NOT NULL
);

-- Append-only: the audit trail and the access log refuse updates and deletes.
CREATE TRIGGER audit_trail_append_only_update BEFORE UPDATE ON audit_trail BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_trail_append_only_delete BEFORE DELETE ON audit_trail BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER access_log_append_only_update BEFORE UPDATE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
CREATE TRIGGER access_log_append_only_delete BEFORE DELETE ON access_log BEGIN SELECT RAISE(ABORT, 'the access log is append-only'); END;
