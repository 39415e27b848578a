-- Version 5 (PostgreSQL, the same schema in its words): actions from the performance board, with every change kept; and benchmarks imported from
-- published statistics with the release each came from. Dates are yyyy-mm-dd text, moments UTC ISO 8601 text.

-- An action the performance board raised: the area of focus, the indicators concerned (catalogue ids, comma list),
-- the owner, the due date, its status (open, in progress, done, dropped) and notes; who raised it and last changed it.
CREATE TABLE actions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    area_of_focus TEXT NOT NULL,
    indicators TEXT NOT NULL,
    owner TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'in progress', 'done', 'dropped')),
    notes TEXT NOT NULL,
    raised_by TEXT NOT NULL,
    raised_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX actions_status ON actions (status, due);

-- Every version of every action, the first as raised: appended, never rewritten.
CREATE TABLE action_changes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action_id BIGINT NOT NULL REFERENCES actions (id),
    version INTEGER NOT NULL,
    area_of_focus TEXT NOT NULL,
    indicators TEXT NOT NULL,
    owner TEXT NOT NULL,
    due TEXT NOT NULL,
    status TEXT NOT NULL,
    notes TEXT NOT NULL,
    changed_by TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    UNIQUE (action_id, version)
);
CREATE TRIGGER action_changes_append_only BEFORE UPDATE OR DELETE ON action_changes FOR EACH ROW EXECUTE FUNCTION outturn_append_only('action history');

-- A published statistics file as imported: its name, SHA-256, the release it belongs to, who imported it and when.
CREATE TABLE benchmark_releases (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    release_name TEXT NOT NULL,
    imported_by TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

-- Each measure's published figures per year for England, each region and each local authority, from one release; a
-- newer release of a measure supersedes the figures held for it, which are kept, no longer current.
CREATE TABLE benchmark_figures (
    release_id BIGINT NOT NULL REFERENCES benchmark_releases (id),
    measure TEXT NOT NULL,
    year TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('national', 'regional', 'la')),
    code TEXT NOT NULL,
    name TEXT NOT NULL,
    ons_code TEXT NULL,
    region_code TEXT NULL,
    region_name TEXT NULL,
    joint_return TEXT NULL,
    value TEXT NOT NULL,
    is_current INTEGER NOT NULL,
    PRIMARY KEY (release_id, measure, year, level, code)
);
CREATE INDEX benchmark_figures_current ON benchmark_figures (is_current, measure, year);

-- The statistical neighbour groupings as imported with a release (the file as received), the latest of each name current.
CREATE TABLE benchmark_files (
    release_id BIGINT NOT NULL REFERENCES benchmark_releases (id),
    file_name TEXT NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (release_id, file_name)
);
UPDATE outturn_schema SET version = 5;
