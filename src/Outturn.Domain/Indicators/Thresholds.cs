namespace Outturn.Domain.Indicators;

/// <summary>
/// A target (the green threshold) and an optional tolerance (the amber threshold), read in the seeds' notation.
/// </summary>
/// <remarks>
/// High polarity: Green when value &gt;= green, Amber when value &gt;= amber, else Red ("&lt;82% / 82%+ / 90%+").
/// Low polarity: Green when value &lt; green, Amber when value &lt; amber, else Red ("227.1+ / - / &lt;227.1").
/// Without an amber threshold there are two bands. Values are compared after rounding to the indicator's
/// displayed precision, so a reader never sees "90.0%" rated Amber against a 90% target.
/// </remarks>
public sealed record Thresholds
{
    /// <summary>Creates thresholds for a polarity, checking that the tolerance lies on the bad side of the target.</summary>
    /// <exception cref="ArgumentException">The polarity is none, or the amber threshold contradicts the polarity.</exception>
    public Thresholds(Polarity polarity, decimal green, decimal? amber)
    {
        if (polarity == Polarity.None)
        {
            throw new ArgumentException("An indicator with no polarity cannot have a target.", nameof(polarity));
        }

        if (amber is { } a)
        {
            if (polarity == Polarity.High && a >= green)
            {
                throw new ArgumentException(
                    $"Good performance is high, so the amber threshold ({a}) must be below the green target ({green}).", nameof(amber));
            }

            if (polarity == Polarity.Low && a <= green)
            {
                throw new ArgumentException(
                    $"Good performance is low, so the amber threshold ({a}) must be above the green target ({green}).", nameof(amber));
            }
        }

        Polarity = polarity;
        Green = green;
        Amber = amber;
    }

    /// <summary>High or low.</summary>
    public Polarity Polarity { get; }

    /// <summary>The target: the boundary of Green.</summary>
    public decimal Green { get; }

    /// <summary>The tolerance: the boundary between Amber and Red; null for two bands.</summary>
    public decimal? Amber { get; }

    /// <summary>Rates a value that has already been rounded to the displayed precision.</summary>
    public Rag Rate(decimal value) => Polarity switch
    {
        Polarity.High when value >= Green => Rag.Green,
        Polarity.High when Amber is { } a && value >= a => Rag.Amber,
        Polarity.Low when value < Green => Rag.Green,
        Polarity.Low when Amber is { } a && value < a => Rag.Amber,
        _ => Rag.Red,
    };
}
