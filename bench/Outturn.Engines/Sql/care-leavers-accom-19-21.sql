-- OC3 care leavers aged 19 to 21 on 31 March (died or returned home excluded) in suitable accommodation: a
-- two-character ACCOM code ending in 1; over all of them. March only.
SELECT m.month,
       count(o.child_id) FILTER (WHERE length(o.accommodation) = 2 AND o.accommodation[2] = '1') AS numerator,
       count(o.child_id) AS denominator
FROM months m
LEFT JOIN oc3 o ON o.month = m.month AND o.in_touch NOT IN ('DIED', 'RHOM') AND age_on(o.birth, m.last_day) BETWEEN 19 AND 21
WHERE month(m.month) = 3
GROUP BY m.month
ORDER BY m.month;
