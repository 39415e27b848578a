-- Plans starting in the month that are a second or subsequent plan: the child had any earlier plan in the data
-- (started strictly before, however long ago), or the census records previous plans (NumberOfPreviousCPP > 0); over
-- all plans starting in the month.
WITH starting AS (
    SELECT m.month, p.ck, p.start, p.previous_plans
    FROM months m JOIN cpp p ON p.start BETWEEN m.month AND m.last_day),
judged AS (
    SELECT s.month,
           EXISTS (SELECT 1 FROM cpp e WHERE e.ck = s.ck AND e.start < s.start) OR coalesce(s.previous_plans, 0) > 0 AS repeat
    FROM starting s)
SELECT m.month, count(j.month) FILTER (WHERE j.repeat) AS numerator, count(j.month) AS denominator
FROM months m LEFT JOIN judged j USING (month)
GROUP BY m.month
ORDER BY m.month;
