-- The OC2 cohort of the collection year ending in March (children looked after continuously for 12 months at
-- 31 March) with HEALTH_ASSESSMENT = 1, over the cohort. March only: a yearly return.
SELECT m.month, count(o.child_id) FILTER (WHERE o.health_assessment) AS numerator, count(o.child_id) AS denominator
FROM months m LEFT JOIN oc2 o USING (month)
WHERE month(m.month) = 3
GROUP BY m.month
ORDER BY m.month;
