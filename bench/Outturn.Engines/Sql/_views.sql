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
