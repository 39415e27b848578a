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
        new ReferralsRate(),
        new ReReferrals(),
        new ReferralsNoFurtherAction(),
        new AssessmentsInTime(),
        new Section47Rate(),
        new ConferencesInTime(),
        new ChildrenInNeedRate(),
        new ProtectionPlanRate(),
        new PlanStartsRate(),
        new RepeatPlans(),
        new PlansOfTwoYears(),
        new PlansEndingAfterTwoYears(),
        new PlansReviewedInTime(),
        new LookedAfterRate(),
        new StartsRate(),
        new CeasedRate(),
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

    /// <summary>Every indicator's figures for every month of the range that has one, indicator by indicator in catalogue order.</summary>
    public static IReadOnlyList<IndicatorFigure> Figures(NationalContext context, MonthRange months) =>
        [.. All.SelectMany(d => d.Figures(context, months))];

    /// <summary>A catalogue entry of a national indicator: benchmarking where it has a good direction, activity where not.</summary>
    internal static Indicator Entry(string id, string name, string area, Unit unit, Polarity polarity, Aggregation aggregation, string definition) =>
        new(id, name, area, polarity == Polarity.None ? IndicatorKind.Activity : IndicatorKind.Benchmarking, unit, polarity, aggregation, 1, definition);
}
