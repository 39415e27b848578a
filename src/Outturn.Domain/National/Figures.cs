using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.National;

/// <summary>A national indicator's figure for one month: the counts only, never the children behind them.</summary>
/// <param name="Indicator">The catalogue entry.</param>
/// <param name="Month">The month: flows count events in the month (or the 12 months to its end, for rates); positions
/// are at its last day.</param>
/// <param name="Numerator">The count meeting the definition.</param>
/// <param name="Denominator">The cohort (for rates, the population aged 0-17; for caseloads, the workers).</param>
public sealed record IndicatorFigure(Indicator Indicator, Month Month, decimal Numerator, decimal Denominator)
{
    /// <summary>Numerator over denominator, scaled by the unit; null over an empty cohort.</summary>
    public decimal? Value => Denominator > 0 ? Numerator * Indicator.Scale / Denominator : null;

    /// <summary>The figure as a monthly measure for the scorecard.</summary>
    public Measure ToMeasure() => Measure.ForMonth(Indicator.Id, Month, new Observation(null, Numerator, Denominator));
}

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
/// <param name="Denominator">Cases in the cohort; for a caseload, the workers holding them.</param>
public sealed record CaseGroup(string Name, int Numerator, int Denominator)
{
    /// <summary>The name of the group of cases no team or worker holds.</summary>
    public const string NotAllocated = "(not allocated)";

    /// <summary>The group's value: numerator over denominator scaled by the unit; null over an empty cohort.</summary>
    public decimal? Value(Indicator indicator) => Denominator > 0 ? Numerator * indicator.Scale / Denominator : null;
}
