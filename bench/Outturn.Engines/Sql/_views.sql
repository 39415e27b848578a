-- Shared by the indicator files, created once after loading. Views, not tables: each query that uses one pays for
-- it in its own time.

-- Each month of the range with the population its rates per 10,000 divide by: the ONS mid-year estimate of the
-- calendar year in which the month's financial year starts (the latest earlier one when that is not published); NULL
-- when there is none, and the month has no rate.
CREATE OR REPLACE VIEW month_population AS
SELECT m.month, m.last_day, m.window_from,
       (SELECT arg_max(p.children, p.year) FROM population p
        WHERE p.year <= CASE WHEN month(m.month) >= 4 THEN year(m.month) ELSE year(m.month) - 1 END) AS children
FROM months m;

-- A child's age in whole years on a day: a birthday on 29 February falls on 28 February in other years.
CREATE OR REPLACE MACRO age_on(birth, day) AS
    year(day) - year(birth) - CASE WHEN (birth + to_years(CAST(year(day) - year(birth) AS INTEGER)))::DATE > day THEN 1 ELSE 0 END;

-- The OC3 care leavers of each collection year (by its March) aged 19 to 21 on 31 March, those who died or returned
-- home (IN_TOUCH DIED, RHOM) excluded.
CREATE OR REPLACE VIEW care_leavers_19_21 AS
SELECT o.* FROM oc3 o
WHERE o.in_touch NOT IN ('DIED', 'RHOM') AND age_on(o.birth, last_day(o.month)) BETWEEN 19 AND 21;

-- The events the rates over 12 months count, by kind: a referral (a CIN episode's referral date), a section 47
-- enquiry's start, a child protection plan's start.
CREATE OR REPLACE VIEW dated_events AS
SELECT 'referral' AS kind, referral AS day FROM cin_episode
UNION ALL SELECT 'section 47', start FROM s47
UNION ALL SELECT 'plan start', start FROM cpp;

-- A rate over 12 months: the events of a kind in the 12 months to each month end (every event, not each child once),
-- over the month's population; no row for a month with no population.
CREATE OR REPLACE MACRO twelve_month_rate(event_kind) AS TABLE
SELECT m.month, count(e.day) AS numerator, m.children AS denominator
FROM month_population m
LEFT JOIN dated_events e ON e.kind = event_kind AND e.day BETWEEN m.window_from AND m.last_day
WHERE m.children IS NOT NULL
GROUP BY m.month, m.children
ORDER BY m.month;
