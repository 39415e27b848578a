-- Version 2 (PostgreSQL): a publication never changes. Its rows refuse updates and deletes, as the audit trail's do.
CREATE TRIGGER publications_never_change BEFORE UPDATE OR DELETE ON publications FOR EACH ROW EXECUTE FUNCTION outturn_append_only('publication (it never changes)');
CREATE TRIGGER published_figures_never_change BEFORE UPDATE OR DELETE ON published_figures FOR EACH ROW EXECUTE FUNCTION outturn_append_only('publication (it never changes)');
CREATE TRIGGER published_targets_never_change BEFORE UPDATE OR DELETE ON published_targets FOR EACH ROW EXECUTE FUNCTION outturn_append_only('publication (it never changes)');
CREATE TRIGGER published_commentary_never_change BEFORE UPDATE OR DELETE ON published_commentary FOR EACH ROW EXECUTE FUNCTION outturn_append_only('publication (it never changes)');
CREATE INDEX commentary_current ON commentary (is_current, period, area);
UPDATE outturn_schema SET version = 2;
