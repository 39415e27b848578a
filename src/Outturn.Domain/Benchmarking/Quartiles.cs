using Outturn.Domain.Indicators;

namespace Outturn.Domain.Benchmarking;

/// <summary>
/// The minimum, quartiles and maximum of a set of values, by linear interpolation between order statistics
/// (Hyndman and Fan type 7, the default of R's <c>quantile()</c>, which DfE LAIT uses).
/// </summary>
/// <remarks>
/// For a probability p and n sorted values x[1..n], type 7 takes h = (n - 1)p + 1 and returns
/// x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]). All arithmetic is decimal, so results are exact
/// where the data allow.
/// </remarks>
public sealed record Quartiles
{
    private Quartiles(decimal min, decimal lower, decimal median, decimal upper, decimal max, int count)
    {
        Min = min;
        Lower = lower;
        Median = median;
        Upper = upper;
        Max = max;
        Count = count;
    }

    /// <summary>The smallest value (0%).</summary>
    public decimal Min { get; }

    /// <summary>The first quartile (25%).</summary>
    public decimal Lower { get; }

    /// <summary>The median (50%).</summary>
    public decimal Median { get; }

    /// <summary>The third quartile (75%).</summary>
    public decimal Upper { get; }

    /// <summary>The largest value (100%).</summary>
    public decimal Max { get; }

    /// <summary>How many values the quartiles were computed from.</summary>
    public int Count { get; }

    /// <summary>Computes the quartiles of one or more values.</summary>
    /// <exception cref="ArgumentException">There are no values.</exception>
    public static Quartiles Of(IEnumerable<decimal> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            throw new ArgumentException("Quartiles need at least one value.", nameof(values));
        }

        return new(sorted[0], Quantile(sorted, 0.25m), Quantile(sorted, 0.5m), Quantile(sorted, 0.75m), sorted[^1], sorted.Length);
    }

    /// <summary>The type 7 quantile of already sorted values for a probability from 0 to 1.</summary>
    /// <exception cref="ArgumentException">The values are empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The probability is outside 0 to 1.</exception>
    public static decimal Quantile(IReadOnlyList<decimal> sorted, decimal probability)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0m);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1m);
        var h = (sorted.Count - 1) * probability; // zero-based position
        var below = (int)decimal.Floor(h);
        var fraction = h - below;
        var value = below + 1 < sorted.Count
            ? sorted[below] + (fraction * (sorted[below + 1] - sorted[below]))
            : sorted[below];
        return value / 1.0000000000000000000000000000m; // drops trailing zeros the interpolation leaves (300.500 is 300.5)
    }

    /// <summary>
    /// The value an authority must reach to be in the top quartile: the third quartile when high is good, the first
    /// when low is good; null when the indicator has no polarity.
    /// </summary>
    public decimal? TopQuartileThreshold(Polarity polarity) => polarity switch
    {
        Polarity.High => Upper,
        Polarity.Low => Lower,
        _ => null,
    };

    /// <summary>
    /// The band of a value: for low polarity [min, Q1] is A, (Q1, median] B, (median, Q3] C and (Q3, max] D; for high
    /// polarity the same intervals read D, C, B, A. Null when the indicator has no polarity, or the value lies outside
    /// [min, max] (it was not among the values the quartiles came from).
    /// </summary>
    /// <remarks>The intervals are those of DfE LAIT, <c>R/fn_analysis.R: calculate_quartile_band</c>.</remarks>
    public QuartileBand? Band(decimal value, Polarity polarity)
    {
        if (polarity == Polarity.None || value < Min || value > Max)
        {
            return null;
        }

        var fromLowest = value <= Lower ? 0 : value <= Median ? 1 : value <= Upper ? 2 : 3;
        return (QuartileBand)(polarity == Polarity.Low ? fromLowest : 3 - fromLowest);
    }
}
