using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Scorecards;

/// <summary>A value for a period; <see cref="Value"/> is null where there is no figure.</summary>
/// <param name="Period">The month, quarter or financial year the value is for.</param>
/// <param name="Value">The unrounded value; null when there is no figure or it is suppressed.</param>
/// <param name="Numerator">The count behind the value where known: the numerator of a ratio, or a count itself.</param>
/// <param name="Denominator">The cohort behind the value where known.</param>
/// <param name="Suppressed">True when the value is withheld to protect confidentiality (shown as "c").</param>
public readonly record struct PeriodValue(Period Period, decimal? Value, decimal? Numerator = null, decimal? Denominator = null, bool Suppressed = false);

/// <summary>A direction of travel and whether it is an improvement given the polarity.</summary>
/// <param name="Direction">Up, down or level at displayed precision.</param>
/// <param name="Improving">True when better, false when worse, null when level or the indicator has no polarity.</param>
public readonly record struct Travel(Direction Direction, bool? Improving);

/// <summary>One indicator's line on the scorecard, as in seed 002.</summary>
public sealed record ScorecardRow
{
    /// <summary>The catalogue entry.</summary>
    public required Indicator Indicator { get; init; }

    /// <summary>The last three months ending with the scorecard month, oldest first.</summary>
    public required IReadOnlyList<PeriodValue> Months { get; init; }

    /// <summary>The quarter containing the scorecard month, up to that month.</summary>
    public required PeriodValue Quarter { get; init; }

    /// <summary>The year to date; in March, the outturn.</summary>
    public required PeriodValue Year { get; init; }

    /// <summary>The scorecard month against the month before; null when either is missing.</summary>
    public Travel? DirectionMonth { get; init; }

    /// <summary>The year to date against the previous year's outturn; null when either is missing.</summary>
    public Travel? DirectionYear { get; init; }

    /// <summary>The scorecard month against this year's target.</summary>
    public Rag RagMonth { get; init; }

    /// <summary>The year to date against this year's target.</summary>
    public Rag RagYear { get; init; }

    /// <summary>The target and tolerance for the year, if set.</summary>
    public Thresholds? Target { get; init; }

    /// <summary>The previous financial year's outturn.</summary>
    public required PeriodValue PreviousYear { get; init; }

    /// <summary>The last four quarters ending with the current one, oldest first.</summary>
    public required IReadOnlyList<PeriodValue> Trend { get; init; }

    /// <summary>The latest benchmarks published for a year up to the scorecard's, if any.</summary>
    public Benchmark? Benchmarks { get; init; }

    /// <summary>Months of the current year up to the scorecard month that hold no figure.</summary>
    public required IReadOnlyList<Month> MissingMonths { get; init; }
}

/// <summary>A scorecard for a month: rows grouped by area in catalogue order.</summary>
/// <param name="Month">The scorecard month.</param>
/// <param name="Rows">Rows, grouped by area in order of the area's first appearance, then in catalogue order.</param>
public sealed record Scorecard(Month Month, IReadOnlyList<ScorecardRow> Rows)
{
    /// <summary>The areas in scorecard order, each with its rows.</summary>
    public IEnumerable<IGrouping<string, ScorecardRow>> Areas => Rows.GroupBy(r => r.Indicator.Area);

    /// <summary>The periods every row shows, known even when there are no rows.</summary>
    public ScorecardPeriods Periods => ScorecardPeriods.For(Month);
}

/// <summary>The periods a scorecard for a month shows, the same on every row (seed 002's columns).</summary>
/// <param name="Months">The last three months ending with the scorecard month, oldest first.</param>
/// <param name="Quarter">The quarter containing the scorecard month.</param>
/// <param name="Year">The financial year containing the scorecard month, shown to date.</param>
/// <param name="PreviousYear">The year before, shown as its outturn.</param>
/// <param name="Trend">The last four quarters ending with <paramref name="Quarter"/>, oldest first.</param>
public sealed record ScorecardPeriods(IReadOnlyList<Month> Months, Quarter Quarter, FinancialYear Year, FinancialYear PreviousYear, IReadOnlyList<Quarter> Trend)
{
    /// <summary>The periods of the scorecard for <paramref name="month"/>.</summary>
    public static ScorecardPeriods For(Month month)
    {
        var quarter = month.Quarter;
        return new ScorecardPeriods(
            [month.AddMonths(-2), month.AddMonths(-1), month],
            quarter,
            month.FinancialYear,
            month.FinancialYear.Previous(),
            [quarter.Previous().Previous().Previous(), quarter.Previous().Previous(), quarter.Previous(), quarter]);
    }

    /// <summary>Whether the year to date is the year's outturn: the scorecard month is March.</summary>
    public bool IsOutturn => Months[^1] == Year.LastMonth;
}
