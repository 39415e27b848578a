using System.Globalization;

namespace Outturn.Domain.Periods;

/// <summary>
/// An English local-government financial year: 1 April to 31 March, written <c>2024-25</c>.
/// </summary>
/// <remarks>
/// Identified by the calendar year in which it starts. Both <see cref="Start"/> and <see cref="End"/> are
/// inclusive, matching the DfE reporting year "1 April Y-1 to 31 March Y" (domain-anchors.md §3).
/// </remarks>
public readonly record struct FinancialYear : IComparable<FinancialYear>
{
    /// <summary>The earliest and latest starting years accepted; wide enough for history and planning.</summary>
    public const int MinStartYear = 1990, MaxStartYear = 2100;

    /// <summary>Creates the financial year that starts on 1 April of <paramref name="startYear"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1990 to 2100.</exception>
    public FinancialYear(int startYear)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(startYear, MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(startYear, MaxStartYear);
        StartYear = startYear;
    }

    /// <summary>The calendar year containing April to December.</summary>
    public int StartYear { get; }

    /// <summary>The calendar year containing January to March, the year the DfE labels the collection with.</summary>
    public int EndYear => StartYear + 1;

    /// <summary>1 April, inclusive.</summary>
    public DateOnly Start => new(StartYear, 4, 1);

    /// <summary>31 March, inclusive: the snapshot date of the statutory returns.</summary>
    public DateOnly End => new(EndYear, 3, 31);

    /// <summary>April (month 1 of the year) to March.</summary>
    public Month FirstMonth => new(StartYear, 4);

    /// <summary>March, the month whose year to date is the outturn.</summary>
    public Month LastMonth => new(EndYear, 3);

    /// <summary>The twelve months from April to March.</summary>
    public IEnumerable<Month> Months()
    {
        for (var m = FirstMonth; m <= LastMonth; m = m.Next())
        {
            yield return m;
        }
    }

    /// <summary>Quarter 1 (April to June) to quarter 4 (January to March).</summary>
    public Quarter Quarter(int number) => new(this, number);

    /// <summary>The year before.</summary>
    public FinancialYear Previous() => new(StartYear - 1);

    /// <summary>The financial year containing a date.</summary>
    public static FinancialYear Containing(DateOnly date) => new(date.Month >= 4 ? date.Year : date.Year - 1);

    /// <summary>Whether a date falls within the year, both ends inclusive.</summary>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Parses <c>2024-25</c> (also accepts <c>2024/25</c> and <c>202425</c>, the EES <c>time_period</c> form).</summary>
    public static bool TryParse(string? text, out FinancialYear year)
    {
        year = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        string first, second;
        if (s.Length == 7 && (s[4] == '-' || s[4] == '/'))
        {
            (first, second) = (s[..4], s[5..]);
        }
        else if (s.Length == 6 && s.All(char.IsAsciiDigit))
        {
            (first, second) = (s[..4], s[4..]);
        }
        else
        {
            return false;
        }

        if (!int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(second, NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start < MinStartYear || start > MaxStartYear
            || (start + 1) % 100 != end)
        {
            return false;
        }

        year = new FinancialYear(start);
        return true;
    }

    /// <summary>Parses <c>2024-25</c>.</summary>
    /// <exception cref="FormatException">The text is not a financial year.</exception>
    public static FinancialYear Parse(string text) =>
        TryParse(text, out var y) ? y : throw new FormatException($"'{text}' is not a financial year like 2024-25.");

    /// <inheritdoc />
    public int CompareTo(FinancialYear other) => StartYear.CompareTo(other.StartYear);

    /// <summary>Orders years.</summary>
    public static bool operator <(FinancialYear a, FinancialYear b) => a.StartYear < b.StartYear;

    /// <summary>Orders years.</summary>
    public static bool operator >(FinancialYear a, FinancialYear b) => a.StartYear > b.StartYear;

    /// <summary>Orders years.</summary>
    public static bool operator <=(FinancialYear a, FinancialYear b) => a.StartYear <= b.StartYear;

    /// <summary>Orders years.</summary>
    public static bool operator >=(FinancialYear a, FinancialYear b) => a.StartYear >= b.StartYear;

    /// <summary>The canonical form, <c>2024-25</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{StartYear:D4}-{EndYear % 100:D2}");
}
