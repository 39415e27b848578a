-- Plans ending in the month that had lasted 2 years or more (more than 729 days counting both ends), over all plans
-- ending in the month.
WITH per_month AS (
    SELECT date_trunc('month', "end")::DATE AS month,
           count(*) FILTER (WHERE "end" - start + 1 > 729) AS long, count(*) AS n
    FROM cpp WHERE "end" IS NOT NULL GROUP BY ALL)
SELECT m.month, coalesce(p.long, 0) AS numerator, coalesce(p.n, 0) AS denominator
FROM months m LEFT JOIN per_month p USING (month)
ORDER BY m.month;
