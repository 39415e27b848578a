-- Children looked after at the month end (short breaks V3, V4 excluded), each once, per 10,000 children aged 0-17.
SELECT m.month, count(DISTINCT e.lk) AS numerator, m.children AS denominator
FROM month_population m
LEFT JOIN la_episode e ON e.start <= m.last_day AND coalesce(e."end", DATE '9999-12-31') > m.last_day AND e.ls NOT IN ('V3', 'V4')
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
