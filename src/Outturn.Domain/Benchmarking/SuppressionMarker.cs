namespace Outturn.Domain.Benchmarking;

/// <summary>
/// A symbol the DfE publishes in place of a number (explore-education-statistics conventions). A marker is kept
/// as a marker: it is never read as zero, and it is left out of every average, quartile and rank.
/// </summary>
public enum SuppressionMarker
{
    /// <summary><c>c</c>: suppressed to protect confidentiality (small numbers).</summary>
    Confidential,

    /// <summary><c>z</c>: not applicable, e.g. an authority that did not exist that year.</summary>
    NotApplicable,

    /// <summary><c>x</c>: not available, e.g. not collected or not returned.</summary>
    NotAvailable,

    /// <summary><c>k</c>: below the smallest unit shown but not zero (the older symbol for <see cref="RoundsToZero"/>).</summary>
    BelowHalf,

    /// <summary><c>u</c>: low reliability; the figure is withheld.</summary>
    LowReliability,

    /// <summary><c>low</c>: rounds to zero but is not zero.</summary>
    RoundsToZero,

    /// <summary>
    /// <c>-</c>: no figure (DfE LAIT's one symbol for a figure suppressed, not collected or not applicable; LAIT does
    /// not say which). Never zero.
    /// </summary>
    NotPublished,
}

/// <summary>The published symbols of <see cref="SuppressionMarker"/> and their meanings.</summary>
public static class SuppressionMarkers
{
    /// <summary>Every marker, in declaration order.</summary>
    public static IReadOnlyList<SuppressionMarker> All { get; } = Enum.GetValues<SuppressionMarker>();

    /// <summary>The markers of explore-education-statistics files (all but LAIT's <c>-</c>).</summary>
    public static IReadOnlyList<SuppressionMarker> Ees { get; } = [.. All.Where(m => m != SuppressionMarker.NotPublished)];

    /// <summary>The symbol as it appears in a published file: <c>c</c>, <c>z</c>, <c>x</c>, <c>k</c>, <c>u</c>, <c>low</c> or <c>-</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined marker.</exception>
    public static string Symbol(this SuppressionMarker marker) => marker switch
    {
        SuppressionMarker.Confidential => "c",
        SuppressionMarker.NotApplicable => "z",
        SuppressionMarker.NotAvailable => "x",
        SuppressionMarker.BelowHalf => "k",
        SuppressionMarker.LowReliability => "u",
        SuppressionMarker.RoundsToZero => "low",
        SuppressionMarker.NotPublished => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, "Not a suppression marker."),
    };

    /// <summary>The meaning in a few plain words, for a reader of the output.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a defined marker.</exception>
    public static string Meaning(this SuppressionMarker marker) => marker switch
    {
        SuppressionMarker.Confidential => "suppressed",
        SuppressionMarker.NotApplicable => "not applicable",
        SuppressionMarker.NotAvailable => "not available",
        SuppressionMarker.BelowHalf => "below half the unit shown",
        SuppressionMarker.LowReliability => "low reliability",
        SuppressionMarker.RoundsToZero => "rounds to zero",
        SuppressionMarker.NotPublished => "no figure published",
        _ => throw new ArgumentOutOfRangeException(nameof(marker), marker, "Not a suppression marker."),
    };

    /// <summary>Reads a symbol exactly as published (lower case, surrounding spaces ignored).</summary>
    public static bool TryParse(string? text, out SuppressionMarker marker)
    {
        var symbol = text?.Trim();
        foreach (var candidate in All)
        {
            if (candidate.Symbol() == symbol)
            {
                marker = candidate;
                return true;
            }
        }

        marker = default;
        return false;
    }
}
