-- Version 3 (SQLite): which returns each computation had (an indicator whose return was not given has no figure, and
-- says why), the first day of the CIN census it read, and when a kept file's content was purged (retention).
ALTER TABLE computations ADD COLUMN supplied INTEGER NOT NULL DEFAULT 0;
ALTER TABLE computations ADD COLUMN cin_from TEXT NULL;
ALTER TABLE imports ADD COLUMN purged_at TEXT NULL;
UPDATE outturn_schema SET version = 3;
