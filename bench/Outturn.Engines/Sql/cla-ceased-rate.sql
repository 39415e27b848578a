-- Children who ceased to be looked after (REC other than X1, short breaks excluded) in the 12 months to the month
-- end, each child once, per 10,000 children aged 0-17.
SELECT m.month, count(DISTINCT c.child_id) AS numerator, m.children AS denominator
FROM month_population m
LEFT JOIN (la_episode e JOIN la_child c USING (lk))
       ON e."end" BETWEEN m.window_from AND m.last_day AND e.rec IS NOT NULL AND e.rec <> 'X1' AND e.ls NOT IN ('V3', 'V4')
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
