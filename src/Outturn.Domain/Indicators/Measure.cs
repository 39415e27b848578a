using Outturn.Domain.Periods;

namespace Outturn.Domain.Indicators;

/// <summary>
/// A figure for an indicator in a month, or for a whole financial year when months are not held.
/// </summary>
/// <remarks>A year figure is that year's outturn as published or reported (e.g. last year's figure).</remarks>
public sealed record Measure
{
    /// <summary>A figure for a month.</summary>
    public static Measure ForMonth(string indicatorId, Month month, Observation observation) =>
        new(indicatorId, month, month.FinancialYear, observation);

    /// <summary>The outturn of a whole financial year.</summary>
    public static Measure ForYear(string indicatorId, FinancialYear year, Observation observation) =>
        new(indicatorId, null, year, observation);

    private Measure(string indicatorId, Month? month, FinancialYear year, Observation observation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(indicatorId);
        IndicatorId = indicatorId;
        Month = month;
        Year = year;
        Observation = observation;
    }

    /// <summary>The catalogue indicator.</summary>
    public string IndicatorId { get; }

    /// <summary>The month, or null for a whole-year figure.</summary>
    public Month? Month { get; }

    /// <summary>The financial year (of the month, or the year itself).</summary>
    public FinancialYear Year { get; }

    /// <summary>The figure.</summary>
    public Observation Observation { get; }

    /// <summary>The month, or the financial year for a whole-year figure.</summary>
    public Period Period => Month is { } month ? month : Year;
}
