-- Version 4 (PostgreSQL, the same words as SQLite): the cases behind the figures of the latest 12 months held and of the
-- latest whole year, one list per indicator and period (gzip-compressed JSON: the child, whether in the numerator, the
-- reason, the deciding dates, the team and worker holding the case). They name children: the store gives them back
-- only through its audited call, each computation replaces them, and retention purges them.
CREATE TABLE case_lists (
    indicator TEXT NOT NULL,
    period TEXT NOT NULL,
    computation_id INTEGER NOT NULL REFERENCES computations (id),
    cases INTEGER NOT NULL,
    content BYTEA NOT NULL,
    PRIMARY KEY (indicator, period)
);
UPDATE outturn_schema SET version = 4;
