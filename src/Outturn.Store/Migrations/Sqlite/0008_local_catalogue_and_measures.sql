-- Version 8 (SQLite): our own (local) indicators and their ready-made figures, each loaded from a file kept in
-- imports (kind catalogue or measures). The national indicators' figures stay in figures, computed from the returns:
-- a local indicator never takes a national id, and the child-level recompute never touches these tables.

-- The local catalogue: one current row per indicator, in the columns of the scorecard's catalogue file; a newer
-- catalogue's row supersedes the one held for its id, which is kept (is_current 0), with the import it came from.
CREATE TABLE local_indicators (
    row_id INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    area TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    polarity TEXT NOT NULL,
    aggregation TEXT NOT NULL,
    decimals INTEGER NOT NULL,
    definition TEXT NOT NULL,
    rolling_months INTEGER NOT NULL,
    benchmark_measure TEXT NULL,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    set_by TEXT NOT NULL,
    set_at TEXT NOT NULL,
    is_current INTEGER NOT NULL
);
CREATE INDEX local_indicators_current ON local_indicators (is_current, id);

-- Ready-made figures of local indicators, a month (2025-01) or a financial year (2024-25) each: the value, or the
-- numerator and denominator, as the measures file gave them; a newer file's figure for the same indicator and period
-- supersedes the one held, which is kept.
CREATE TABLE measures (
    row_id INTEGER PRIMARY KEY AUTOINCREMENT,
    import_id INTEGER NOT NULL REFERENCES imports (id),
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    value TEXT NULL,
    numerator TEXT NULL,
    denominator TEXT NULL,
    is_current INTEGER NOT NULL
);
CREATE INDEX measures_current ON measures (is_current, indicator, period);

-- A publication freezes the local catalogue and the ready-made figures as shown, as it does the national figures.
CREATE TABLE published_indicators (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    area TEXT NOT NULL,
    kind TEXT NOT NULL,
    unit TEXT NOT NULL,
    polarity TEXT NOT NULL,
    aggregation TEXT NOT NULL,
    decimals INTEGER NOT NULL,
    definition TEXT NOT NULL,
    rolling_months INTEGER NOT NULL,
    benchmark_measure TEXT NULL,
    PRIMARY KEY (publication_id, id)
);
CREATE TABLE published_measures (
    publication_id INTEGER NOT NULL REFERENCES publications (id),
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    value TEXT NULL,
    numerator TEXT NULL,
    denominator TEXT NULL,
    PRIMARY KEY (publication_id, indicator, period)
);
CREATE TRIGGER published_indicators_never_change_update BEFORE UPDATE ON published_indicators BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_indicators_never_change_delete BEFORE DELETE ON published_indicators BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_measures_never_change_update BEFORE UPDATE ON published_measures BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_measures_never_change_delete BEFORE DELETE ON published_measures BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
UPDATE outturn_schema SET version = 8;
