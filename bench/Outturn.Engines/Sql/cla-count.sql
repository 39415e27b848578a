-- Children looked after at the month end: an episode started on or before it and not ended on or before it, short
-- breaks (legal status V3, V4) excluded; each child once.
SELECT m.month, count(DISTINCT e.lk) AS numerator, 1 AS denominator
FROM months m
LEFT JOIN la_episode e ON e.start <= m.last_day AND coalesce(e."end", DATE '9999-12-31') > m.last_day AND e.ls NOT IN ('V3', 'V4')
GROUP BY m.month
ORDER BY m.month;
