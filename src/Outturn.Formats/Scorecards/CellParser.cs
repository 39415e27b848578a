using System.Globalization;

namespace Outturn.Formats.Scorecards;

/// <summary>Parses cells in machine formats (invariant culture), recording an error for each bad one.</summary>
internal sealed class CellParser(List<InputError> errors)
{
    /// <summary>Suppression and not-available markers used in published statistics: read as "no value".</summary>
    public static readonly string[] Markers = ["c", "z", "x", "k", "u", "low", "-", "n/a", "na"];

    public bool HasErrors => errors.Count > 0;

    public void Error(string file, int row, string? field, string message) =>
        errors.Add(new InputError(file, row, field, message));

    /// <summary>
    /// Records the row where <paramref name="key"/> first appears; on a repeat, records the error
    /// "<paramref name="already"/> at row N." naming that first row, and returns true.
    /// </summary>
    public bool Repeated<TKey>(Dictionary<TKey, int> firstRows, TKey key, string file, int row, string field, string already)
        where TKey : notnull
    {
        if (firstRows.TryAdd(key, row))
        {
            return false;
        }

        Error(file, row, field, $"{already} at row {firstRows[key]}.");
        return true;
    }

    /// <summary>A number, or null when empty; "92.5%", "1,234" and " 7 " are accepted.</summary>
    public decimal? Number(string file, int row, string column, string text, bool allowMarkers = false)
    {
        var s = text.Trim();
        if (s.Length == 0 || (allowMarkers && Markers.Contains(s, StringComparer.OrdinalIgnoreCase)))
        {
            return null;
        }

        if (s.EndsWith('%'))
        {
            s = s[..^1].TrimEnd();
        }

        if (decimal.TryParse(s, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(file, row, column, $"'{text}' is not a number.");
        return null;
    }

    /// <summary>A required non-empty text.</summary>
    public string? Required(string file, int row, string column, string text)
    {
        if (text.Length > 0)
        {
            return text;
        }

        Error(file, row, column, "a value is required.");
        return null;
    }

    /// <summary>One of a fixed set of words (ignoring case), mapped to its enum value.</summary>
    public T? Choice<T>(string file, int row, string column, string text)
        where T : struct, Enum
    {
        var allowed = Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToList();
        if (allowed.Contains(text.ToLowerInvariant()) && Enum.TryParse<T>(text, ignoreCase: true, out var value))
        {
            return value;
        }

        Error(file, row, column, text.Length == 0
            ? $"a value is required: one of {string.Join(", ", allowed)}."
            : $"'{text}' is not one of {string.Join(", ", allowed)}.");
        return null;
    }
}
