-- Plans open at the month end that had lasted more than 729 days counting the month end, over all plans open then.
SELECT m.month,
       count(p.pk) FILTER (WHERE m.last_day - p.start + 1 > 729) AS numerator,
       count(p.pk) AS denominator
FROM months m
LEFT JOIN cpp p ON p.start <= m.last_day AND coalesce(p."end", DATE '9999-12-31') > m.last_day
GROUP BY m.month
ORDER BY m.month;
