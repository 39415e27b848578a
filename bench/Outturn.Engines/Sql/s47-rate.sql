-- Section 47 enquiries started in the 12 months to the month end, per 10,000 children aged 0-17 (the macro
-- twelve_month_rate in _views.sql).
SELECT * FROM twelve_month_rate('section 47');
