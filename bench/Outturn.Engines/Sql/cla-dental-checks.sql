-- The OC2 cohort of the collection year ending in March with TEETH_CHECK = 1, over the cohort. March only.
SELECT m.month, count(o.child_id) FILTER (WHERE o.teeth_check) AS numerator, count(o.child_id) AS denominator
FROM months m LEFT JOIN oc2 o USING (month)
WHERE month(m.month) = 3
GROUP BY m.month
ORDER BY m.month;
