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
        if (Check(polarity, green, amber) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        Polarity = polarity;
        Green = green;
        Amber = amber;
    }

    /// <summary>
    /// The rule a target and tolerance break for an indicator of <paramref name="polarity"/>, or null: an indicator
    /// with no polarity takes no target, and the amber threshold lies on the bad side of the green one.
    /// </summary>
    /// <param name="polarity">Which way is good.</param>
    /// <param name="green">The target.</param>
    /// <param name="amber">The tolerance, if any.</param>
    /// <param name="indicatorId">The indicator, to name it in the message.</param>
    public static Problem? Check(Polarity polarity, decimal green, decimal? amber, string? indicatorId = null)
    {
        var whose = indicatorId is null ? "" : $" for '{indicatorId}'";
        if (polarity == Polarity.None)
        {
            return new("polarity", $"good performance{whose} has no direction (polarity none), so it takes no target.");
        }

        if (amber is not { } a || (polarity == Polarity.High ? a < green : a > green))
        {
            return null;
        }

        var i = System.Globalization.CultureInfo.InvariantCulture;
        var (good, side) = polarity == Polarity.High ? ("high", "below") : ("low", "above");
        return new("amber", $"good performance{whose} is {good}, so the amber threshold ({a.ToString(i)}) must be {side} the green target ({green.ToString(i)}).");
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
