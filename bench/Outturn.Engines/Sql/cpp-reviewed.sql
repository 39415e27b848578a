-- Plans open at the month end that began 3 months or more before it, whose first review was within 3 months of the
-- start and each later one within 6 months of the one before, with none overdue at the month end; over all such plans.
-- A review is late when it falls after the date due from the review before (or from the start); reviews are taken in
-- date order. At a month end a plan fails when a late review falls on or before it, or when the next review is due
-- before it (3 months after the start with no review yet, else 6 months after the last review on or before it).
WITH reviews AS (
    SELECT r.pk, r.review,
           r.review > coalesce(lag(r.review) OVER (PARTITION BY r.pk ORDER BY r.review) + INTERVAL 6 MONTH,
                               p.start + INTERVAL 3 MONTH)::DATE AS late
    FROM cpp_review r JOIN cpp p USING (pk)),
open_plans AS (
    SELECT m.month, m.last_day, p.pk, p.start
    FROM months m
    JOIN cpp p ON p.start <= m.last_day AND coalesce(p."end", DATE '9999-12-31') > m.last_day
    WHERE (p.start + INTERVAL 3 MONTH)::DATE <= m.last_day),
judged AS (
    SELECT o.month,
           bool_or(r.late) IS NOT TRUE
           AND coalesce((max(r.review) + INTERVAL 6 MONTH)::DATE, (o.start + INTERVAL 3 MONTH)::DATE) >= o.last_day AS in_time
    FROM open_plans o LEFT JOIN reviews r ON r.pk = o.pk AND r.review <= o.last_day
    GROUP BY o.month, o.pk, o.start, o.last_day)
SELECT m.month, count(j.month) FILTER (WHERE j.in_time) AS numerator, count(j.month) AS denominator
FROM months m LEFT JOIN judged j USING (month)
GROUP BY m.month
ORDER BY m.month;
