-- Assessments authorised in the month within 45 working days of the assessment start, over all authorised in the
-- month. Working days through the calendar table: wd(end) - wd(start) counts the working days after the start day up
-- to and including the end (the start day not counted, as the DfE's durations count). An assessment authorised
-- before it started, or with a date outside the calendar (2010-2030), is in neither count, as in Outturn.
-- Differs from Outturn on purpose: Outturn counts the working days one by one (WorkingDayCalendar); here they come
-- from the calendar table's running count, built from the same bank-holiday table (as an analyst keeps one).
WITH timed AS (
    SELECT date_trunc('month', a.authorised)::DATE AS month, ce.wd - cs.wd AS days
    FROM cin_assessment a
    JOIN calendar cs ON cs.day = a.start
    JOIN calendar ce ON ce.day = a.authorised
    WHERE a.authorised >= a.start),
per_month AS (
    SELECT month, count(*) FILTER (WHERE days <= 45) AS in_time, count(*) AS n FROM timed GROUP BY month)
SELECT m.month, coalesce(p.in_time, 0) AS numerator, coalesce(p.n, 0) AS denominator
FROM months m LEFT JOIN per_month p USING (month)
ORDER BY m.month;
