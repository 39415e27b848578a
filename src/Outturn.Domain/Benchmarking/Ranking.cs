using Outturn.Domain.Indicators;

namespace Outturn.Domain.Benchmarking;

/// <summary>Ranks an authority among all authorities, best first.</summary>
public static class Ranking
{
    /// <summary>
    /// The rank of <paramref name="value"/> among <paramref name="values"/> (which include it): 1 is the best by
    /// polarity, and tied values share the lowest rank of their group (R's <c>ties.method = "min"</c>), so the rank is
    /// one more than the number of strictly better values. Null when the indicator has no polarity.
    /// </summary>
    /// <remarks>As DfE LAIT, <c>R/fn_analysis.R: calculate_rank</c>: <c>rank(-x)</c> for high, <c>rank(x)</c> for low.</remarks>
    /// <exception cref="ArgumentException"><paramref name="value"/> is not among <paramref name="values"/>.</exception>
    public static int? RankOf(decimal value, IEnumerable<decimal> values, Polarity polarity)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (polarity == Polarity.None)
        {
            return null;
        }

        var found = false;
        var better = 0;
        foreach (var other in values)
        {
            found |= other == value;
            if (IsBetter(other, value, polarity))
            {
                better++;
            }
        }

        if (!found)
        {
            throw new ArgumentException($"The value {value} is not among the values ranked.", nameof(value));
        }

        return better + 1;
    }

    /// <summary>Whether <paramref name="a"/> is strictly better than <paramref name="b"/>; never for no polarity.</summary>
    public static bool IsBetter(decimal a, decimal b, Polarity polarity) => polarity switch
    {
        Polarity.High => a > b,
        Polarity.Low => a < b,
        _ => false,
    };
}
