-- Section 47 enquiries started in the 12 months to the month end, per 10,000 children aged 0-17.
WITH per_month AS (
    SELECT date_trunc('month', start)::DATE AS month, count(*) AS n FROM s47 GROUP BY ALL)
SELECT m.month, coalesce(sum(p.n), 0) AS numerator, m.children AS denominator
FROM month_population m LEFT JOIN per_month p ON p.month BETWEEN m.window_from AND m.month
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
