-- OC3 care leavers of the collection year ending in March, aged 19 to 21 on 31 March, those who died or returned
-- home excluded (the view care_leavers_19_21), whose activity is F1, P1, F2, P2, F4, P4, F5 or P5; over all of them.
-- March only.
SELECT m.month, count(o.child_id) FILTER (WHERE o.activity IN ('F1', 'P1', 'F2', 'P2', 'F4', 'P4', 'F5', 'P5')) AS numerator,
       count(o.child_id) AS denominator
FROM months m LEFT JOIN care_leavers_19_21 o USING (month)
WHERE month(m.month) = 3
GROUP BY m.month ORDER BY m.month;
