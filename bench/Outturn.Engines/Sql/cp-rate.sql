-- Children on a child protection plan at the month end, each once, per 10,000 children aged 0-17.
SELECT m.month, count(DISTINCT p.ck) AS numerator, m.children AS denominator
FROM month_population m
LEFT JOIN cpp p ON p.start <= m.last_day AND coalesce(p."end", DATE '9999-12-31') > m.last_day
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
