-- Section 47 enquiries started in the month.
WITH per_month AS (
    SELECT date_trunc('month', start)::DATE AS month, count(*) AS n FROM s47 GROUP BY ALL)
SELECT m.month, coalesce(p.n, 0) AS numerator, 1 AS denominator
FROM months m LEFT JOIN per_month p USING (month)
ORDER BY m.month;
