-- Cases allocated at the month end over the workers holding them: each CIN episode open at the month end with a
-- worker (Annex A's allocation, applied to the episodes before loading), then each looked-after child no such episode
-- names, by the first social worker episode open at the month end; over the distinct workers. No figure before the
-- allocations begin, nor in a month where no worker holds a case.
-- Differs from Outturn on purpose: Annex A's allocations are applied to the CIN episodes (team, worker) and the staff
-- list's names to the SSDA903 social worker episodes by Outturn's reader before loading, not joined here; "first"
-- is the episode's place in the reader's list (seq).
WITH cin_cases AS (
    SELECT m.month, c.child_id, e.worker
    FROM months m
    JOIN cin_episode e ON e.referral <= m.last_day AND coalesce(e.closure, DATE '9999-12-31') > m.last_day AND e.worker IS NOT NULL
    JOIN cin_child c ON c.ck = e.ck),
sw_cases AS (
    SELECT m.month, s.child_id, arg_min(s.worker, s.seq) AS worker
    FROM months m
    JOIN social_worker s ON s.start <= m.last_day AND coalesce(s."end", DATE '9999-12-31') > m.last_day
    WHERE NOT EXISTS (SELECT 1 FROM cin_cases x WHERE x.month = m.month AND x.child_id = s.child_id)
    GROUP BY m.month, s.child_id),
cases AS (
    SELECT month, worker FROM cin_cases UNION ALL SELECT month, worker FROM sw_cases)
SELECT c.month, count(*) AS numerator, count(DISTINCT c.worker) AS denominator
FROM cases c JOIN months m USING (month), settings s
WHERE s.allocated_from IS NULL OR m.last_day >= s.allocated_from
GROUP BY c.month
ORDER BY c.month;
