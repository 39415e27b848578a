-- Children who started to be looked after in the month (an episode with RNE S, short breaks excluded), each child
-- once.
SELECT m.month, count(DISTINCT c.child_id) AS numerator, 1 AS denominator
FROM months m
LEFT JOIN (la_episode e JOIN la_child c USING (lk))
       ON e.start BETWEEN m.month AND m.last_day AND e.rne = 'S' AND e.ls NOT IN ('V3', 'V4')
GROUP BY m.month
ORDER BY m.month;
