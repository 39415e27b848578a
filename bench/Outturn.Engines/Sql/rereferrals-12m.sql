-- Re-referrals: referrals in the month where the same child had an earlier referral (strictly before, on or after
-- the day 12 calendar months before), over all referrals in the month.
WITH referrals AS (
    SELECT m.month, e.ck, e.referral
    FROM months m JOIN cin_episode e ON e.referral BETWEEN m.month AND m.last_day),
judged AS (
    SELECT r.month, EXISTS (
        SELECT 1 FROM cin_episode p
        WHERE p.ck = r.ck AND p.referral < r.referral AND p.referral >= (r.referral - INTERVAL 12 MONTH)::DATE) AS again
    FROM referrals r)
SELECT m.month, count(j.month) FILTER (WHERE j.again) AS numerator, count(j.month) AS denominator
FROM months m LEFT JOIN judged j USING (month)
GROUP BY m.month
ORDER BY m.month;
