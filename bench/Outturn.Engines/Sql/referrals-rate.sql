-- Referrals per 10,000 children: CIN episodes with a referral date in the 12 months to the month end, over the
-- population aged 0-17 (the macro twelve_month_rate in _views.sql; month_population: the mid-year estimate of the
-- year the month's financial year starts).
SELECT * FROM twelve_month_rate('referral');
