using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>
/// The national indicators computed from child-level data, to the definitions in domain-anchors.md §3, in scorecard
/// order: one definition object each, listed once here, so a missing or repeated indicator is a compile-time or
/// start-up error, never a string that fails at run time.
/// </summary>
/// <remarks>
/// Flows count events in the month (ratios roll up into quarters and years); rates per 10,000 count the 12 months to
/// the month end (so March is the DfE's financial-year figure); positions are taken at the month's last day (March is
/// the DfE's 31 March snapshot). Yearly returns (OC2 health, OC3 care leavers) give a figure only for March, the month
/// their collection year ends. Ids match the published-measures mapping, so the benchmark columns fill for "us".
/// </remarks>
public static class NationalIndicators
{
    internal const string Csc = "Children's social care", Cla = "Children looked after", Leavers = "Care leavers", Send = "Special educational needs", Workforce = "Workforce";

    /// <summary>Every national indicator, in scorecard order.</summary>
    public static IReadOnlyList<NationalIndicator> All { get; } =
    [
        new ReferralsCounted("referrals-rate", "Referrals per 10,000 children (12 months)",
            "Referrals (CIN episodes) with a referral date in the 12 months to the month end, per 10,000 children aged 0-17 (ONS mid-year estimate).",
            Unit.Rate, Aggregation.Snapshot, CaseWindow.TwelveMonths, Cohort.Population),
        new ReferralsCounted("referrals", "Referrals", "Referrals (CIN episodes) with a referral date in the period.",
            Unit.Count, Aggregation.Sum, CaseWindow.Month, Cohort.Count),
        new ReReferrals(),
        new ReferralsNoFurtherAction(),
        new AssessmentsInTime(),
        new Section47s("s47-rate", "Section 47 enquiries per 10,000 children (12 months)",
            "Section 47 enquiries started in the 12 months to the month end, per 10,000 children aged 0-17.",
            Unit.Rate, Aggregation.Snapshot, CaseWindow.TwelveMonths, Cohort.Population),
        new Section47s("s47s", "Section 47 enquiries started", "Section 47 enquiries started in the period.",
            Unit.Count, Aggregation.Sum, CaseWindow.Month, Cohort.Count),
        new ConferencesInTime(),
        new ChildrenInNeed("cin-rate", "Children in need per 10,000 children",
            "Children with an open CIN episode at the month end, per 10,000 children aged 0-17.", Unit.Rate, Cohort.Population),
        new ChildrenInNeed("cin-count", "Children in need", "Children with an open CIN episode at the end of the period.", Unit.Count, Cohort.Count),
        new OnAPlan("cp-rate", "Children on a child protection plan per 10,000 children",
            "Children on a child protection plan at the month end, per 10,000 children aged 0-17.", Unit.Rate, Cohort.Population),
        new OnAPlan("cp-count", "Children on a child protection plan", "Children on a child protection plan at the end of the period.", Unit.Count, Cohort.Count),
        new PlanStartsRate(),
        new RepeatPlans(),
        new PlansOfTwoYears(),
        new PlansEndingAfterTwoYears(),
        new PlansReviewedInTime(),
        new LookedAfterAt("cla-rate", "Children looked after per 10,000 children",
            "Children looked after at the month end, short breaks (V3, V4) excluded, per 10,000 children aged 0-17.", Unit.Rate, Cohort.Population),
        new LookedAfterAt("cla-count", "Children looked after", "Children looked after at the end of the period, short breaks (V3, V4) excluded.", Unit.Count, Cohort.Count),
        new Starts("cla-starts-rate", "Children starting to be looked after per 10,000 children (12 months)",
            "Children who started to be looked after (a period of care beginning, RNE S, short breaks excluded) in the 12 months to the month end, each child once, per 10,000 children aged 0-17.",
            Unit.Rate, Aggregation.Snapshot, CaseWindow.TwelveMonths, Cohort.Population),
        new Starts("cla-starts", "Children starting to be looked after",
            "Children who started to be looked after (RNE S, short breaks excluded) in the period, each child once by the first start.",
            Unit.Count, Aggregation.Sum, CaseWindow.Month, Cohort.Count),
        new Ceased("cla-ceased-rate", "Children ceasing to be looked after per 10,000 children (12 months)",
            "Children who ceased to be looked after (REC other than X1, short breaks excluded) in the 12 months to the month end, each child once, per 10,000 children aged 0-17.",
            Unit.Rate, Aggregation.Snapshot, CaseWindow.TwelveMonths, Cohort.Population),
        new Ceased("cla-ceased", "Children ceasing to be looked after",
            "Children who ceased to be looked after (REC other than X1, short breaks excluded) in the period, each child once by the last cessation.",
            Unit.Count, Aggregation.Sum, CaseWindow.Month, Cohort.Count),
        new ThreeOrMorePlacements(),
        new LongTermStability(),
        new HealthOutcomes("cla-health-checks", "Children looked after 12 months or more with their annual health assessment",
            "OC2 cohort (looked after continuously for 12 months at 31 March) with HEALTH_ASSESSMENT = 1. March only.", o => o.HealthAssessment, "annual health assessment"),
        new HealthOutcomes("cla-dental-checks", "Children looked after 12 months or more who had their teeth checked",
            "OC2 cohort with TEETH_CHECK = 1. March only.", o => o.TeethCheck, "teeth checked"),
        new WentMissing(),
        new CareLeaverOutcomes("care-leavers-eet-19-21", "Care leavers aged 19 to 21 in education, employment or training",
            "OC3 care leavers aged 19 to 21 (those who died or returned home excluded) whose activity is F1, P1, F2, P2, F4, P4, F5 or P5. March only.",
            o => o.InEducationEmploymentOrTraining, "activity {0}", o => o.Activity),
        new CareLeaverOutcomes("care-leavers-accom-19-21", "Care leavers aged 19 to 21 in suitable accommodation",
            "OC3 care leavers aged 19 to 21 (those who died or returned home excluded) whose accommodation is suitable (code ending 1). March only.",
            o => o.SuitablyAccommodated, "accommodation {0}", o => o.Accommodation),
        new PlansInTwentyWeeks(),
        new Caseload(),
    ];

    /// <summary>The catalogue entries, in scorecard order: what the scorecard's catalogue file holds.</summary>
    public static IReadOnlyList<Indicator> Indicators { get; } = [.. All.Select(d => d.Indicator)];

    private static readonly Dictionary<string, NationalIndicator> ById = All.ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks up an indicator by id, ignoring case.</summary>
    public static NationalIndicator? Find(string id) => ById.GetValueOrDefault(id.Trim());

    /// <summary>
    /// Every indicator's figures for every month of the range that has one, indicator by indicator in catalogue order;
    /// the indicators counted at once on the cores there are (a context is safe to share), the order kept.
    /// </summary>
    public static IReadOnlyList<IndicatorFigure> Figures(NationalContext context, MonthRange months) =>
        [.. All.AsParallel().AsOrdered().SelectMany(d => d.Figures(context, months))];

    /// <summary>A catalogue entry of a national indicator: benchmarking where it has a good direction, activity where not.</summary>
    internal static Indicator Entry(string id, string name, string area, Unit unit, Polarity polarity, Aggregation aggregation, string definition) =>
        new(id, name, area, polarity == Polarity.None ? IndicatorKind.Activity : IndicatorKind.Benchmarking, unit, polarity, aggregation, unit == Unit.Count ? 0 : 1, definition);
}
