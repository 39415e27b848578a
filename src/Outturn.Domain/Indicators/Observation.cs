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
        if (Check(value, numerator, denominator) is { } problem)
        {
            throw new ArgumentException(problem.Message, problem.Field);
        }

        Value = value;
        Numerator = numerator;
        Denominator = denominator;
    }

    /// <summary>The rule an observation's parts break, or null when they make one.</summary>
    public static Problem? Check(decimal? value, decimal? numerator, decimal? denominator)
    {
        if (numerator.HasValue != denominator.HasValue)
        {
            return new(numerator.HasValue ? "denominator" : "numerator", "give both numerator and denominator, or neither.");
        }

        if (value is null && numerator is null)
        {
            return new("value", "give a value, or a numerator and denominator.");
        }

        if (numerator < 0 || denominator < 0)
        {
            return new(numerator < 0 ? "numerator" : "denominator", "numerator and denominator cannot be negative.");
        }

        return denominator == 0 && numerator != 0
            ? new("denominator", $"the denominator is 0 but the numerator is {numerator!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)}: a non-zero count cannot have an empty cohort.")
            : null;
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
