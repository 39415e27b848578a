-- Children looked after at the month end (short breaks excluded) with 3 or more placements in the 12 months to it,
-- over all looked after at the month end. A placement is a run of episodes with one carer: an episode goes on the
-- placement before it when the episode before it in the child's list (short breaks included) is not a short break,
-- ended the day this one starts, and this one is not a new carer (RNE other than S, P, B) or is placing for adoption
-- with the current foster carers (A3, A5); otherwise it begins a new placement. Placements begun and ended the same
-- day (under 24 hours) do not count. Counted: the placements open at some time in the window (started on or before
-- the month end, not ended on or before the window's first day).
-- Differs from Outturn on purpose: the episodes' order is their place in the reader's list (seq), after the years
-- were stacked and repaired by Outturn before loading.
WITH ordered AS (
    SELECT *, lag(ls) OVER w AS prev_ls, lag("end") OVER w AS prev_end, lag(seq) OVER w AS prev_seq
    FROM la_episode WINDOW w AS (PARTITION BY lk ORDER BY seq)),
marked AS (
    SELECT lk, seq, start, "end",
           CASE WHEN prev_seq IS NOT NULL AND prev_ls NOT IN ('V3', 'V4') AND prev_end = start
                     AND (rne NOT IN ('S', 'P', 'B') OR pl IN ('A3', 'A5')) THEN 0 ELSE 1 END AS begins
    FROM ordered WHERE ls NOT IN ('V3', 'V4')),
grouped AS (
    SELECT *, sum(begins) OVER (PARTITION BY lk ORDER BY seq ROWS UNBOUNDED PRECEDING) AS placement FROM marked),
placements AS (
    SELECT lk, placement, arg_min(start, seq) AS start, arg_max_null("end", seq) AS "end"
    FROM grouped GROUP BY lk, placement
    HAVING "end" IS NULL OR "end" <> start),
looked_after AS (
    SELECT DISTINCT m.month, m.last_day, m.window_from, e.lk
    FROM months m
    JOIN la_episode e ON e.start <= m.last_day AND coalesce(e."end", DATE '9999-12-31') > m.last_day AND e.ls NOT IN ('V3', 'V4')),
counted AS (
    SELECT a.month, a.lk, count(p.lk) AS placements
    FROM looked_after a
    LEFT JOIN placements p ON p.lk = a.lk AND p.start <= a.last_day AND coalesce(p."end", DATE '9999-12-31') > a.window_from
    GROUP BY a.month, a.lk)
SELECT m.month, count(c.lk) FILTER (WHERE c.placements >= 3) AS numerator, count(c.lk) AS denominator
FROM months m LEFT JOIN counted c USING (month)
GROUP BY m.month
ORDER BY m.month;
