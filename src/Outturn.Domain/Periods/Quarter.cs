using System.Globalization;

namespace Outturn.Domain.Periods;

/// <summary>A quarter of a financial year, written <c>2024-25Q4</c>. Q1 is April to June, Q4 January to March.</summary>
public readonly record struct Quarter : IComparable<Quarter>
{
    /// <summary>Creates quarter <paramref name="number"/> (1 to 4) of a financial year.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is outside 1 to 4.</exception>
    public Quarter(FinancialYear year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 4);
        Year = year;
        Number = number;
    }

    /// <summary>The financial year.</summary>
    public FinancialYear Year { get; }

    /// <summary>1 to 4.</summary>
    public int Number { get; }

    /// <summary>The first month: April, July, October or January.</summary>
    public Month FirstMonth => Year.FirstMonth.AddMonths((Number - 1) * 3);

    /// <summary>The last month: June, September, December or March.</summary>
    public Month LastMonth => FirstMonth.AddMonths(2);

    /// <summary>The three months in order.</summary>
    public IEnumerable<Month> Months() => [FirstMonth, FirstMonth.AddMonths(1), LastMonth];

    /// <summary>The quarter before, crossing into the previous financial year after Q1.</summary>
    public Quarter Previous() => Number == 1 ? new Quarter(Year.Previous(), 4) : new Quarter(Year, Number - 1);

    /// <summary>Parses <c>2024-25Q4</c> (also <c>2024-25 Q4</c>).</summary>
    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        var s = text?.Trim().Replace(" ", "", StringComparison.Ordinal);
        if (s is null || s.Length != 9 || (s[7] != 'Q' && s[7] != 'q')
            || !FinancialYear.TryParse(s[..7], out var year)
            || !int.TryParse(s.AsSpan(8), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 4)
        {
            return false;
        }

        quarter = new Quarter(year, n);
        return true;
    }

    /// <summary>Parses <c>2024-25Q4</c>.</summary>
    /// <exception cref="FormatException">The text is not a quarter.</exception>
    public static Quarter Parse(string text) =>
        TryParse(text, out var q) ? q : throw new FormatException($"'{text}' is not a quarter like 2024-25Q4.");

    /// <inheritdoc />
    public int CompareTo(Quarter other) => ((Year.StartYear * 4) + Number).CompareTo((other.Year.StartYear * 4) + other.Number);

    /// <summary>The canonical form, <c>2024-25Q4</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}Q{Number}");
}
