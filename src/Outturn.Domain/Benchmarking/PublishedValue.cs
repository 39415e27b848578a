using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Outturn.Domain.Benchmarking;

/// <summary>
/// One cell of published statistics: either a number or a <see cref="SuppressionMarker"/>, never both and never
/// neither.
/// </summary>
/// <remarks>
/// A class rather than a struct so that no default instance can exist without a number or a marker. Numbers are
/// kept at the precision published; text is read and written in the invariant culture (machine format).
/// </remarks>
public sealed record PublishedValue
{
    private PublishedValue(decimal? number, SuppressionMarker? marker)
    {
        Number = number;
        Marker = marker;
    }

    /// <summary>A published number.</summary>
    public static PublishedValue Of(decimal number) => new(number, null);

    /// <summary>A published suppression marker.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The marker is not defined.</exception>
    public static PublishedValue Suppressed(SuppressionMarker marker)
    {
        if (!Enum.IsDefined(marker))
        {
            throw new ArgumentOutOfRangeException(nameof(marker), marker, "Not a suppression marker.");
        }

        return new(null, marker);
    }

    /// <summary>The number, or null when a marker was published.</summary>
    public decimal? Number { get; }

    /// <summary>The marker, or null when a number was published.</summary>
    public SuppressionMarker? Marker { get; }

    /// <summary>Whether a number was published.</summary>
    public bool IsNumber => Number.HasValue;

    /// <summary>
    /// Reads a published cell: a plain invariant-culture number such as <c>22.6</c> or <c>-3</c>, or one of the
    /// marker symbols. Thousands separators, percent signs and blanks are refused.
    /// </summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PublishedValue? value)
    {
        var s = text?.Trim() ?? "";
        if (SuppressionMarkers.TryParse(s, out var marker))
        {
            value = Suppressed(marker);
            return true;
        }

        if (s.Length > 0 && decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            value = Of(number);
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>The cell as it would be published: the number in invariant culture, or the marker's symbol.</summary>
    public override string ToString() =>
        Number is { } n ? n.ToString(CultureInfo.InvariantCulture) : Marker!.Value.Symbol();
}
