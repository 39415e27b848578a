-- Referrals in the month recorded as no further action, over all referrals in the month.
WITH per_month AS (
    SELECT date_trunc('month', referral)::DATE AS month, count(*) FILTER (WHERE nfa) AS nfa, count(*) AS n
    FROM cin_episode GROUP BY ALL)
SELECT m.month, coalesce(p.nfa, 0) AS numerator, coalesce(p.n, 0) AS denominator
FROM months m LEFT JOIN per_month p USING (month)
ORDER BY m.month;
