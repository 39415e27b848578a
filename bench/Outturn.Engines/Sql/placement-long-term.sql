-- Children under 16 looked after at the month end, looked after continuously for 2.5 years or more (the period of
-- care began - the last RNE S episode started by then, else the first episode - at least 30 months before the month
-- end), with the same carer for 2 years or more: the last new-carer episode (RNE S, P, B) started by then began at
-- least 2 years before the month end, or, placed for adoption (A3 to A6) with an earlier new-carer episode, that
-- earlier one did. Short breaks are left out throughout. Over all such children with a new-carer episode.
-- Differs from Outturn on purpose: "last" is by the episode's place in the reader's list (seq), after stacking and
-- repairs done by Outturn before loading.
WITH looked_after AS (
    SELECT DISTINCT m.month, m.last_day, e.lk
    FROM months m
    JOIN la_episode e ON e.start <= m.last_day AND coalesce(e."end", DATE '9999-12-31') > m.last_day AND e.ls NOT IN ('V3', 'V4')
    JOIN la_child c ON c.lk = e.lk
    WHERE age_on(c.birth, m.last_day) < 16),
history AS (
    SELECT a.month, a.last_day, a.lk, e.seq, e.start, e.rne, e.pl,
           row_number() OVER (PARTITION BY a.month, a.lk, e.rne IN ('S', 'P', 'B') ORDER BY e.seq DESC) AS from_last
    FROM looked_after a JOIN la_episode e ON e.lk = a.lk AND e.start <= a.last_day AND e.ls NOT IN ('V3', 'V4')),
carers AS (
    SELECT month, last_day, lk,
           coalesce(arg_max(start, seq) FILTER (WHERE rne = 'S'), arg_min(start, seq)) AS care_start,
           max(start) FILTER (WHERE rne IN ('S', 'P', 'B') AND from_last = 1) AS current_start,
           max(pl) FILTER (WHERE rne IN ('S', 'P', 'B') AND from_last = 1) AS current_pl,
           max(start) FILTER (WHERE rne IN ('S', 'P', 'B') AND from_last = 2) AS previous_start
    FROM history GROUP BY month, last_day, lk),
cohort AS (
    SELECT month,
           CASE WHEN current_pl IN ('A3', 'A4', 'A5', 'A6') AND previous_start IS NOT NULL THEN previous_start ELSE current_start END AS since,
           last_day
    FROM carers
    WHERE care_start <= (last_day - INTERVAL 30 MONTH)::DATE AND current_start IS NOT NULL)
SELECT m.month, count(c.month) FILTER (WHERE c.since <= (c.last_day - INTERVAL 2 YEAR)::DATE) AS numerator, count(c.month) AS denominator
FROM months m LEFT JOIN cohort c USING (month)
GROUP BY m.month
ORDER BY m.month;
