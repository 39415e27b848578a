using Outturn.Domain.ChildLevel;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>One child (or one plan, episode or referral of a child) behind a figure, and why it counts as it does.</summary>
/// <param name="ChildId">The LA child ID.</param>
/// <param name="InNumerator">Whether this case is in the numerator (it is always in the denominator).</param>
/// <param name="Reason">Why, in words, e.g. "47 working days from assessment start to authorisation".</param>
/// <param name="Dates">The dates that decide it, labelled, e.g. ("assessment start", 2025-01-06).</param>
/// <param name="Team">The allocated team, where the data carries it.</param>
/// <param name="Worker">The allocated worker, where the data carries it.</param>
public sealed record ChildLine(string ChildId, bool InNumerator, string Reason, IReadOnlyList<(string Label, DateOnly Date)> Dates, string? Team = null, string? Worker = null);

/// <summary>An indicator computed from child-level data for one month, with every child behind it.</summary>
/// <param name="Indicator">The catalogue entry.</param>
/// <param name="Month">The month: flows count events in the month (or the 12 months to its end, for rates); positions are at its last day.</param>
/// <param name="Numerator">The count meeting the definition.</param>
/// <param name="Denominator">The cohort (for rates, the population aged 0-17).</param>
/// <param name="Children">The cases behind the figure; empty for the population of a rate.</param>
public sealed record IndicatorResult(Indicator Indicator, Month Month, decimal Numerator, decimal Denominator, IReadOnlyList<ChildLine> Children)
{
    /// <summary>Numerator over denominator, scaled by the unit; null over an empty cohort.</summary>
    public decimal? Value => Denominator > 0 ? Numerator * Indicator.Scale / Denominator : null;

    /// <summary>The result as a monthly figure for the scorecard.</summary>
    public Measure ToMeasure() => Measure.ForMonth(Indicator.Id, Month, new Observation(null, Numerator, Denominator));
}

/// <summary>Where the 45 working days of an assessment are counted from (domain-anchors.md §0.4, §3 row 4).</summary>
public enum AssessmentClock
{
    /// <summary>From the assessment's actual start date: the DfE statistics and the CIN census (default).</summary>
    AssessmentStart,

    /// <summary>From the referral, as Working Together puts it: "45 working days from the point of referral".</summary>
    Referral,
}

/// <summary>Which earlier plans make a child protection plan a "second or subsequent" one (domain-anchors.md §6.9).</summary>
public enum RepeatPlanRule
{
    /// <summary>Any earlier plan, "regardless of how long ago": the DfE statistical definition (default).</summary>
    Ever,

    /// <summary>An earlier plan that ended within the two years before this one started: a common local variant.</summary>
    WithinTwoYears,
}

/// <summary>Whether EHC plans issued under an exception to the 20-week time limit count (domain-anchors.md §3 row 20).</summary>
public enum TwentyWeekExceptions
{
    /// <summary>Left out of numerator and denominator: the DfE headline rate, <c>no_exc_20week_rate</c> (default).</summary>
    Excluded,

    /// <summary>Counted like any other plan: the DfE's second rate, <c>inc_exc_20week_rate</c>.</summary>
    Included,
}

/// <summary>The definitional choices that differ between sources, each defaulting to the DfE statistical definition.</summary>
/// <param name="StartDay">Whether the start day counts as a working day (default: included, as the CIN census validator counts).</param>
/// <param name="AssessmentClock">Where assessment timeliness is counted from.</param>
/// <param name="RepeatPlans">Which earlier plans make a repeat plan.</param>
/// <param name="EhcpExceptions">Whether plans issued under an exception to the 20-week limit count.</param>
public sealed record NationalOptions(
    Calendar.StartDay StartDay = Calendar.StartDay.Included,
    AssessmentClock AssessmentClock = AssessmentClock.AssessmentStart,
    RepeatPlanRule RepeatPlans = RepeatPlanRule.Ever,
    TwentyWeekExceptions EhcpExceptions = TwentyWeekExceptions.Excluded)
{
    /// <summary>The DfE definitions.</summary>
    public static readonly NationalOptions Default = new();
}

/// <summary>Everything the national indicators are computed from.</summary>
/// <param name="Cin">The CIN census data, all years stacked.</param>
/// <param name="LookedAfter">The SSDA903 data, all years stacked and repaired.</param>
/// <param name="Population">Children aged 0-17 by ONS mid-year (the year of 30 June).</param>
public sealed record ChildLevelData(ChildInNeedData Cin, LookedAfterData LookedAfter, IReadOnlyDictionary<int, decimal> Population)
{
    /// <summary>The SEN2 requests for EHC needs assessments, all years stacked; empty when no SEN2 return was given.</summary>
    public SpecialNeedsData SpecialNeeds { get; init; } = SpecialNeedsData.Empty;

    /// <summary>
    /// The first day the CIN episodes' teams and workers describe (Annex A shows who held each case in its period, so
    /// earlier months would count only the cases still open then): caseloads are not computed before it. Null when
    /// the allocations have no such limit.
    /// </summary>
    public DateOnly? AllocatedFrom { get; init; }

    /// <summary>
    /// The population for a month: the mid-year estimate of the calendar year in which its financial year starts,
    /// as the DfE uses the mid-(Y-1) estimate for the year ending 31 March Y; the latest earlier estimate when that
    /// one is not yet published.
    /// </summary>
    public decimal? PopulationFor(Month month)
    {
        var year = month.FinancialYear.StartYear;
        var known = Population.Keys.Where(y => y <= year).ToList();
        return known.Count == 0 ? null : Population[known.Max()];
    }
}
