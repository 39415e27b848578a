namespace Outturn.Demo.Simulation;

/// <summary>
/// The England figures the synthetic LA is calibrated to: 2024-25 (reporting year 2025) unless stated, from the DfE
/// statistics in <c>data/published</c> (explore-education-statistics files) with the mid-2024 ONS
/// population of 12,183,016 children aged 0 to 17. Rates are per 10,000 children; shares are fractions.
/// </summary>
/// <remarks>docs/demo-data.md lists each figure with its file, column and row, and what a generated LA measures.</remarks>
public static class NationalRates
{
    /// <summary>Referrals in the year: 632,830 (c1 <c>referral_count</c>), 519 per 10,000.</summary>
    public const double Referrals = 519.4;

    /// <summary>Share of referrals within 12 months of a previous referral: 22.6% (c1 <c>rereferral_percent</c>).</summary>
    public const double ReReferralShare = 0.226;

    /// <summary>Share of referrals closed with no further action: 6.5% (c1 <c>no_further_action_percent</c>).</summary>
    public const double NoFurtherActionShare = 0.065;

    /// <summary>Share of referrals assessed as not in need: 30.8% (c1 <c>not_in_need_percent</c>).</summary>
    public const double NotInNeedShare = 0.308;

    /// <summary>Children in need at 31 March: 402,400 (b1 <c>At31_episodes</c>), 330 per 10,000.</summary>
    public const double ChildrenInNeedAt31March = 330.3;

    /// <summary>Section 47 enquiries started in the year, about 180 per 10,000. Not in the published files here;
    /// the order of magnitude of the DfE "Characteristics of children in need" series.</summary>
    public const double Section47s = 180;

    /// <summary>Child protection plans starting in the year: 61,840 (d3 <c>CPP_start</c>), 50.8 per 10,000.</summary>
    public const double ProtectionPlanStarts = 50.8;

    /// <summary>Child protection plans at 31 March: 49,420 (d5 <c>CPP_At31</c>), 40.6 per 10,000.</summary>
    public const double ProtectionPlansAt31March = 40.6;

    /// <summary>Share of plans starting that are a second or subsequent plan: 24.5% (d3
    /// <c>CPP_subsequent_percent</c>).</summary>
    public const double RepeatProtectionPlanShare = 0.245;

    /// <summary>Share of plans at 31 March lasting 2 years or more: 2.3% (d5 <c>2_years_or_more_percent</c>).</summary>
    public const double ProtectionPlansTwoYearsShare = 0.023;

    /// <summary>Children looked after at 31 March: 81,770 (cla_number_and_rate <c>rate_per_10000</c> 67).</summary>
    public const double LookedAfterAt31March = 67.1;

    /// <summary>Children starting to be looked after in the year: 32,270 (26 per 10,000).</summary>
    public const double LookedAfterStarts = 26.5;

    /// <summary>Children ceasing to be looked after in the year: 34,450 (28 per 10,000).</summary>
    public const double LookedAfterCeased = 28.3;

    /// <summary>Share of children looked after at 31 March with 3 or more placements in the year: 10%
    /// (la_cla_placement_stability, 8,500 of 81,770).</summary>
    public const double ThreePlusPlacementsShare = 0.104;

    /// <summary>Share of children looked after for 12 months with their annual health assessment: 90%
    /// (la_conviction_health_outcome_cla, 52,580 of 58,530).</summary>
    public const double HealthAssessmentShare = 0.90;

    /// <summary>Share of those with teeth checked: 81% (47,320 of 58,530).</summary>
    public const double DentalCheckShare = 0.81;

    /// <summary>Share of those with immunisations up to date: 84% (49,160 of 58,530).</summary>
    public const double ImmunisationShare = 0.84;

    /// <summary>Care leavers aged 19 to 21 in education, employment or training: 54% (la_care_leavers_activity).</summary>
    public const double CareLeaversInEducationEmploymentOrTraining = 0.54;

    /// <summary>Care leavers aged 19 to 21 in suitable accommodation: 89%
    /// (la_care_leavers_accommodation_suitability).</summary>
    public const double CareLeaversSuitablyAccommodated = 0.89;

    /// <summary>Assessments completed within 45 working days: about 85% (the DfE series runs 82% to 88%; not in the
    /// published files here).</summary>
    public const double AssessmentsWithin45WorkingDays = 0.85;

    /// <summary>Initial child protection conferences within 15 working days of the section 47 start: about 78%.</summary>
    public const double ConferencesWithin15WorkingDays = 0.78;

    /// <summary>Cases per case-holding social worker (FTE): 15.2 (csww_indicators 2025 <c>caseload_fte</c>).</summary>
    public const double CaseloadPerWorker = 15.2;
}
