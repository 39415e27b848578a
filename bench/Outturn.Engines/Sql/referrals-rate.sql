-- Referrals per 10,000 children: CIN episodes with a referral date in the 12 months to the month end, over the
-- population aged 0-17 (month_population: the mid-year estimate of the year the financial year starts).
WITH per_month AS (
    SELECT date_trunc('month', referral)::DATE AS month, count(*) AS n
    FROM cin_episode GROUP BY ALL)
SELECT m.month, coalesce(sum(p.n), 0) AS numerator, m.children AS denominator
FROM month_population m LEFT JOIN per_month p ON p.month BETWEEN m.window_from AND m.month
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
