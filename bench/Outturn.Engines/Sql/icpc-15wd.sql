-- Initial child protection conferences held in the month (conference not marked as not required) within 15 working
-- days of the section 47 start, over all held in the month. Working days through the calendar table as in
-- assess-45wd.sql: wd(conference) - wd(start), the start day not counted.
-- Differs from Outturn on purpose: working days from the calendar table's running count, not counted day by day.
WITH timed AS (
    SELECT date_trunc('month', s.conference)::DATE AS month, ce.wd - cs.wd AS days
    FROM s47 s
    JOIN calendar cs ON cs.day = s.start
    JOIN calendar ce ON ce.day = s.conference
    WHERE NOT s.not_required AND s.conference >= s.start),
per_month AS (
    SELECT month, count(*) FILTER (WHERE days <= 15) AS in_time, count(*) AS n FROM timed GROUP BY month)
SELECT m.month, coalesce(p.in_time, 0) AS numerator, coalesce(p.n, 0) AS denominator
FROM months m LEFT JOIN per_month p USING (month)
ORDER BY m.month;
