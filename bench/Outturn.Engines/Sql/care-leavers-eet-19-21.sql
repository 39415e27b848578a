-- OC3 care leavers of the collection year ending in March, aged 19 to 21 on 31 March, those who died or returned
-- home (IN_TOUCH DIED, RHOM) excluded, whose activity is F1, P1, F2, P2, F4, P4, F5 or P5; over all of them. March only.
SELECT m.month,
       count(o.child_id) FILTER (WHERE o.activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5')) AS numerator,
       count(o.child_id) AS denominator
FROM months m
LEFT JOIN oc3 o ON o.month = m.month AND o.in_touch NOT IN ('DIED', 'RHOM') AND age_on(o.birth, m.last_day) BETWEEN 19 AND 21
WHERE month(m.month) = 3
GROUP BY m.month
ORDER BY m.month;
