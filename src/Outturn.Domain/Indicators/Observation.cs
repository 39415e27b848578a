namespace Outturn.Domain.Indicators;

/// <summary>
/// One figure for one period: a value, or a numerator and denominator from which it follows, or both.
/// </summary>
/// <remarks>
/// A denominator of zero gives no value (there is nothing to measure), unless a value was given directly.
/// A negative denominator, or a numerator without a denominator, is refused.
/// </remarks>
public readonly record struct Observation
{
    /// <summary>Creates an observation.</summary>
    /// <exception cref="ArgumentException">Nothing is given, only one of numerator and denominator is given,
    /// a numerator or denominator is negative, or a numerator is non-zero over a zero denominator.</exception>
    public Observation(decimal? value, decimal? numerator = null, decimal? denominator = null)
    {
        if (numerator.HasValue != denominator.HasValue)
        {
            throw new ArgumentException("Give both numerator and denominator, or neither.");
        }

        if (value is null && numerator is null)
        {
            throw new ArgumentException("Give a value, or a numerator and denominator.");
        }

        if (numerator < 0 || denominator < 0)
        {
            throw new ArgumentException("Numerator and denominator cannot be negative.");
        }

        if (denominator == 0 && numerator != 0)
        {
            throw new ArgumentException("A non-zero numerator cannot have a denominator of zero.");
        }

        Value = value;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The value as given, if given.</summary>
    public decimal? Value { get; }

    /// <summary>The count of the cases meeting the definition.</summary>
    public decimal? Numerator { get; }

    /// <summary>The count of the cohort.</summary>
    public decimal? Denominator { get; }

    /// <summary>Whether numerator and denominator were given.</summary>
    public bool HasRatio => Numerator.HasValue;

    /// <summary>The value given, or numerator over denominator times <paramref name="scale"/>; null over a zero denominator.</summary>
    public decimal? ValueAt(decimal scale) =>
        Value ?? (Denominator is > 0 ? Numerator!.Value * scale / Denominator.Value : null);
}
