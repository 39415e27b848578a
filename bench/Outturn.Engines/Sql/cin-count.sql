-- Children in need: children with a CIN episode open at the month end (referred on or before it, not closed on or
-- before it), each child once.
SELECT m.month, count(DISTINCT e.ck) AS numerator, 1 AS denominator
FROM months m
LEFT JOIN cin_episode e ON e.referral <= m.last_day AND coalesce(e.closure, DATE '9999-12-31') > m.last_day
GROUP BY m.month
ORDER BY m.month;
