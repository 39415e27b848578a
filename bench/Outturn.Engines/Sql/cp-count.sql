-- Children on a child protection plan at the month end (any of their plans, across episodes), each child once.
SELECT m.month, count(DISTINCT p.ck) AS numerator, 1 AS denominator
FROM months m
LEFT JOIN cpp p ON p.start <= m.last_day AND coalesce(p."end", DATE '9999-12-31') > m.last_day
GROUP BY m.month
ORDER BY m.month;
