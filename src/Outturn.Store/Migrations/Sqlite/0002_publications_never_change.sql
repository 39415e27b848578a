-- Version 2 (SQLite): a publication never changes. Its rows refuse updates and deletes, as the audit trail's do.
CREATE TRIGGER publications_never_change_update BEFORE UPDATE ON publications BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER publications_never_change_delete BEFORE DELETE ON publications BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_figures_never_change_update BEFORE UPDATE ON published_figures BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_figures_never_change_delete BEFORE DELETE ON published_figures BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_targets_never_change_update BEFORE UPDATE ON published_targets BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_targets_never_change_delete BEFORE DELETE ON published_targets BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_commentary_never_change_update BEFORE UPDATE ON published_commentary BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE TRIGGER published_commentary_never_change_delete BEFORE DELETE ON published_commentary BEGIN SELECT RAISE(ABORT, 'a publication never changes'); END;
CREATE INDEX commentary_current ON commentary (is_current, period, area);
UPDATE outturn_schema SET version = 2;
