-- Children in need per 10,000 children: children with a CIN episode open at the month end, each once, over the
-- population aged 0-17.
SELECT m.month, count(DISTINCT e.ck) AS numerator, m.children AS denominator
FROM month_population m
LEFT JOIN cin_episode e ON e.referral <= m.last_day AND coalesce(e.closure, DATE '9999-12-31') > m.last_day
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
