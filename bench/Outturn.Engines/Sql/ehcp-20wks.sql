-- New EHC plans issued in the month within 20 weeks (140 days) of the request, over all issued in the month; plans
-- under an exception to the 20-week limit, and requests or assessments that went to mediation or tribunal, left out
-- of both. No figure at all when the SEN2 returns hold no request.
WITH issued AS (
    SELECT date_trunc('month', a.plan_issued)::DATE AS month, a.plan_issued - r.received AS days
    FROM ehc_assessment a JOIN ehc_request r USING (rk)
    WHERE a.plan_issued IS NOT NULL AND NOT r.disputed AND NOT a.disputed AND a.exceptions_apply IS NOT TRUE),
per_month AS (
    SELECT month, count(*) FILTER (WHERE days <= 140) AS in_time, count(*) AS n FROM issued GROUP BY month)
SELECT m.month, coalesce(p.in_time, 0) AS numerator, coalesce(p.n, 0) AS denominator
FROM months m LEFT JOIN per_month p USING (month)
WHERE EXISTS (SELECT 1 FROM ehc_request)
ORDER BY m.month;
