using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>A national indicator's figure for a month or a financial year: the counts only, never the children behind them.</summary>
/// <param name="Indicator">The catalogue entry.</param>
/// <param name="Period">The month or financial year the figure is for.</param>
/// <param name="Numerator">The count meeting the definition.</param>
/// <param name="Denominator">The cohort (for rates, the population aged 0-17; for caseloads, the workers; for counts, 1).</param>
public sealed record IndicatorFigure(Indicator Indicator, Period Period, decimal Numerator, decimal Denominator)
{
    /// <summary>The first day the figure's events are counted from, inclusive; for a position, the day it is taken.</summary>
    public DateOnly From { get; init; } = Period.FirstMonth.FirstDay;

    /// <summary>The last day the figure covers, inclusive: a flow's last day, or the day a position is taken.</summary>
    public DateOnly To { get; init; } = Period.LastMonth.LastDay;

    /// <summary>
    /// Where the figure looks back further than the returns reach (a re-referral's 12 months, a repeat plan's earlier
    /// plans), the first day the returns hold: events before it are not seen, so the figure may be understated. Null
    /// when the history is complete.
    /// </summary>
    public DateOnly? HistoryFrom { get; init; }

    /// <summary>The month, for a monthly figure.</summary>
    public Month Month => Period.AsMonth() ?? throw new InvalidOperationException($"The figure for {Indicator.Id} is for {Period}, not a month.");

    /// <summary>Whether the figure is a position at a day rather than a flow over days.</summary>
    public bool IsPosition => From == To;

    /// <summary>Numerator over denominator, scaled by the unit; null over an empty cohort. A count is its numerator.</summary>
    public decimal? Value => Indicator.Unit == Unit.Count ? Numerator : Denominator > 0 ? Numerator * Indicator.Scale / Denominator : null;

    /// <summary>The figure as a measure for the scorecard: a month's, or a year's outturn.</summary>
    public Measure ToMeasure()
    {
        var observation = Indicator.Unit == Unit.Count ? new Observation(Numerator) : new Observation(null, Numerator, Denominator);
        return Period.AsMonth() is { } month
            ? Measure.ForMonth(Indicator.Id, month, observation)
            : Measure.ForYear(Indicator.Id, Period.FinancialYear, observation);
    }
}

/// <summary>A national indicator with no figure, and why: the return it is computed from was not given.</summary>
/// <param name="Indicator">The catalogue entry.</param>
/// <param name="Missing">The returns it needs that were not given.</param>
public sealed record AbsentFigure(Indicator Indicator, ReturnSources Missing);

/// <summary>One case behind a figure (a child, or one plan, episode or referral of a child) and why it counts as it does.</summary>
/// <param name="ChildId">The LA child ID (for SEN2, the person's UPN or key).</param>
/// <param name="InNumerator">Whether this case is in the numerator (it is always in the cohort).</param>
/// <param name="Reason">Why, in words, e.g. "47 working days from assessment start to authorisation".</param>
/// <param name="Dates">The dates that decide it, labelled, e.g. ("assessment start", 2025-01-06).</param>
/// <param name="Team">The team holding the case at the month end, where the data says.</param>
/// <param name="Worker">The worker holding the case at the month end, where the data says.</param>
public sealed record CaseOutcome(string ChildId, bool InNumerator, string Reason, IReadOnlyList<(string Label, DateOnly Date)> Dates, string? Team = null, string? Worker = null);

/// <summary>A month's figure with every case behind it.</summary>
/// <param name="Figure">The figure the cases make.</param>
/// <param name="Cases">The cases in the order the records hold them; empty for the population of a rate.</param>
public sealed record IndicatorCases(IndicatorFigure Figure, IReadOnlyList<CaseOutcome> Cases);

/// <summary>A figure for one team or worker: the cases in its numerator and cohort.</summary>
/// <param name="Name">The team or worker; "(not allocated)" where the data names none.</param>
/// <param name="Numerator">Cases in the numerator.</param>
/// <param name="Denominator">Cases in the cohort; for a caseload, the workers holding them; for a rate per 10,000
/// children, the authority's population aged 0-17 (a team has none of its own, so each group's value is its share of
/// the authority's rate and the groups add up to it); 1 for a count.</param>
public sealed record CaseGroup(string Name, int Numerator, decimal Denominator)
{
    /// <summary>The name of the group of cases no team or worker holds.</summary>
    public const string NotAllocated = "(not allocated)";

    /// <summary>The group's value: numerator over denominator scaled by the unit; null over an empty cohort.</summary>
    public decimal? Value(Indicator indicator) => Denominator > 0 ? Numerator * indicator.Scale / Denominator : null;
}

/// <summary>A figure with how many of the children behind it carry a problem in the returns.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="ChildrenWithProblems">The children behind the figure that a problem in the returns names (a record left
/// out, counted as given or repaired); null when the returns had no problem.</param>
public sealed record NationalFigure(IndicatorFigure Figure, int? ChildrenWithProblems = null);

/// <summary>Every national indicator for one period: the figures there are, and the ones there are not, with why.</summary>
/// <param name="Period">The month or financial year.</param>
/// <param name="Figures">The figures, in catalogue order.</param>
/// <param name="Absent">The indicators with no figure because a return they need was not given.</param>
public sealed record NationalFigureSet(Period Period, IReadOnlyList<NationalFigure> Figures, IReadOnlyList<AbsentFigure> Absent);
