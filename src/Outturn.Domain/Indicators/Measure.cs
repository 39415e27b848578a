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

    /// <summary>
    /// The rule a figure for <paramref name="indicator"/> breaks, or null: the observation's own rules; a month of a
    /// ratio needs its numerator and denominator to roll up into the quarter and year; a value given beside its
    /// numerator and denominator must agree with them to the displayed precision.
    /// </summary>
    public static Problem? Check(Indicator indicator, bool monthly, decimal? value, decimal? numerator, decimal? denominator)
    {
        ArgumentNullException.ThrowIfNull(indicator);
        if (Observation.Check(value, numerator, denominator) is { } problem)
        {
            return problem;
        }

        if (monthly && indicator.Aggregation == Aggregation.Ratio && numerator is null)
        {
            return new("numerator", $"'{indicator.Id}' aggregates as a ratio, so each month needs its numerator and denominator to roll up into the quarter and year.");
        }

        if (value is { } v && denominator is > 0)
        {
            var computed = numerator!.Value * indicator.Scale / denominator.Value;
            var tolerance = 0.5m * (decimal)Math.Pow(10, -indicator.Decimals);
            if (Math.Abs(v - computed) > tolerance)
            {
                var i = System.Globalization.CultureInfo.InvariantCulture;
                return new("value", $"the value {v.ToString(i)} disagrees with numerator/denominator ({numerator.Value.ToString(i)}/{denominator.Value.ToString(i)} gives {indicator.Round(computed).ToString(i)}).");
            }
        }

        return null;
    }

    /// <summary>The rule this figure breaks as a figure for <paramref name="indicator"/>, or null.</summary>
    public Problem? Check(Indicator indicator) =>
        Check(indicator, Month is not null, Observation.Value, Observation.Numerator, Observation.Denominator);

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
