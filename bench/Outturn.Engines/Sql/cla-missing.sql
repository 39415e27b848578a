-- Children looked after at some time in the 12 months to the month end (an episode, short breaks excluded, started
-- by the month end and not ended before the window's first day) with a missing episode (MISSING = M) starting in those
-- months; over all children looked after in them.
WITH cohort AS (
    SELECT DISTINCT m.month, m.window_from, m.last_day, c.lk, c.child_id
    FROM months m
    JOIN la_episode e ON e.start <= m.last_day AND coalesce(e."end", DATE '9999-12-31') >= m.window_from AND e.ls NOT IN ('V3', 'V4')
    JOIN la_child c ON c.lk = e.lk),
judged AS (
    SELECT c.month, EXISTS (
        SELECT 1 FROM missing x
        WHERE x.child_id = c.child_id AND x.kind = 'M' AND x.start BETWEEN c.window_from AND c.last_day) AS went_missing
    FROM cohort c)
SELECT m.month, count(j.month) FILTER (WHERE j.went_missing) AS numerator, count(j.month) AS denominator
FROM months m LEFT JOIN judged j USING (month)
GROUP BY m.month
ORDER BY m.month;
