using System.Globalization;

namespace Outturn.Domain.Periods;

/// <summary>A calendar month, written <c>2025-03</c>; the unit in which analysts load figures.</summary>
public readonly record struct Month : IComparable<Month>
{
    /// <summary>Creates a month.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside 1990 to 2101 or the month outside 1 to 12.</exception>
    public Month(int year, int number)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, FinancialYear.MinStartYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, FinancialYear.MaxStartYear + 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(number, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 12);
        Year = year;
        Number = number;
    }

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>1 (January) to 12 (December).</summary>
    public int Number { get; }

    /// <summary>The first day of the month.</summary>
    public DateOnly FirstDay => new(Year, Number, 1);

    /// <summary>The last day of the month, inclusive: the as-at date of a monthly snapshot.</summary>
    public DateOnly LastDay => new(Year, Number, DateTime.DaysInMonth(Year, Number));

    /// <summary>The financial year the month belongs to (January to March belong to the year that started the April before).</summary>
    public FinancialYear FinancialYear => new(Number >= 4 ? Year : Year - 1);

    /// <summary>The financial quarter: April to June is Q1, January to March is Q4.</summary>
    public Quarter Quarter => new(FinancialYear, ((Number + 8) % 12 / 3) + 1);

    /// <summary>The month after.</summary>
    public Month Next() => Number == 12 ? new Month(Year + 1, 1) : new Month(Year, Number + 1);

    /// <summary>The month before; April's previous month is March of the previous financial year.</summary>
    public Month Previous() => Number == 1 ? new Month(Year - 1, 12) : new Month(Year, Number - 1);

    /// <summary>The month <paramref name="count"/> months later (earlier when negative).</summary>
    public Month AddMonths(int count)
    {
        var index = (Year * 12) + Number - 1 + count;
        return new Month(index / 12, (index % 12) + 1);
    }

    /// <summary>The month containing a date.</summary>
    public static Month Containing(DateOnly date) => new(date.Year, date.Month);

    /// <summary>Parses <c>2025-03</c> (also <c>2025/03</c>).</summary>
    public static bool TryParse(string? text, out Month month)
    {
        month = default;
        var s = text?.Trim();
        if (s is null || s.Length != 7 || (s[4] != '-' && s[4] != '/')
            || !int.TryParse(s.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(s.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 12 || year < FinancialYear.MinStartYear || year > FinancialYear.MaxStartYear + 1)
        {
            return false;
        }

        month = new Month(year, number);
        return true;
    }

    /// <summary>Parses <c>2025-03</c>.</summary>
    /// <exception cref="FormatException">The text is not a month.</exception>
    public static Month Parse(string text) =>
        TryParse(text, out var m) ? m : throw new FormatException($"'{text}' is not a month like 2025-03.");

    /// <inheritdoc />
    public int CompareTo(Month other) => ((Year * 12) + Number).CompareTo((other.Year * 12) + other.Number);

    /// <summary>Orders months.</summary>
    public static bool operator <(Month a, Month b) => a.CompareTo(b) < 0;

    /// <summary>Orders months.</summary>
    public static bool operator >(Month a, Month b) => a.CompareTo(b) > 0;

    /// <summary>Orders months.</summary>
    public static bool operator <=(Month a, Month b) => a.CompareTo(b) <= 0;

    /// <summary>Orders months.</summary>
    public static bool operator >=(Month a, Month b) => a.CompareTo(b) >= 0;

    /// <summary>The canonical form, <c>2025-03</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}");
}
