-- OC3 care leavers aged 19 to 21 on 31 March (died or returned home excluded: the view care_leavers_19_21) in
-- suitable accommodation, a two-character ACCOM code ending in 1; over all of them. March only.
SELECT m.month, count(o.child_id) FILTER (WHERE length(o.accommodation) = 2 AND o.accommodation[2] = '1') AS numerator,
       count(o.child_id) AS denominator
FROM months m LEFT JOIN care_leavers_19_21 o USING (month)
WHERE month(m.month) = 3
GROUP BY m.month ORDER BY m.month;
