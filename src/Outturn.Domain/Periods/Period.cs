namespace Outturn.Domain.Periods;

/// <summary>What a <see cref="Period"/> spans.</summary>
public enum PeriodKind
{
    /// <summary>A calendar month, e.g. <c>2025-03</c>.</summary>
    Month,

    /// <summary>A quarter of a financial year, e.g. <c>2024-25Q4</c>.</summary>
    Quarter,

    /// <summary>A whole financial year, e.g. <c>2024-25</c>.</summary>
    Year,
}

/// <summary>
/// The period a figure is for: a <see cref="Periods.Month"/>, a <see cref="Periods.Quarter"/> or a
/// <see cref="Periods.FinancialYear"/>, kept typed until it is written.
/// </summary>
/// <remarks>
/// <para>Immutable and valid by construction: a period is made only from one of the three, through the implicit
/// conversions (<c>Period p = month;</c>), so its kind and its months always agree. Two periods are equal when they
/// have the same kind and the same months: a quarter is never equal to its last month.</para>
/// <para>Periods are not ordered: a year and the quarter it ends with have no sensible order. Compare
/// <see cref="FirstMonth"/> or <see cref="LastMonth"/> where an order is needed.</para>
/// <para>Every period lies within one financial year, because quarters and years here are financial ones.</para>
/// <para>The default value is not a period (as <c>default(Month)</c> is not a month): only its equality and
/// <see cref="ToString"/> are defined.</para>
/// </remarks>
public readonly record struct Period
{
    private Period(PeriodKind kind, Month firstMonth)
    {
        Kind = kind;
        FirstMonth = firstMonth;
    }

    /// <summary>Month, quarter or year.</summary>
    public PeriodKind Kind { get; }

    /// <summary>The first month: the month itself, the quarter's first month, or April of the year.</summary>
    public Month FirstMonth { get; }

    /// <summary>The last month, inclusive: the month itself, the quarter's last month, or March of the year.</summary>
    public Month LastMonth => FirstMonth.AddMonths(Length - 1);

    /// <summary>The number of months: 1, 3 or 12.</summary>
    public int Length => Kind switch
    {
        PeriodKind.Month => 1,
        PeriodKind.Quarter => 3,
        _ => 12,
    };

    /// <summary>The financial year the period lies in (for a year, the year itself).</summary>
    public FinancialYear FinancialYear => FirstMonth.FinancialYear;

    /// <summary>The months of the period in order.</summary>
    public IEnumerable<Month> Months()
    {
        for (var i = 0; i < Length; i++)
        {
            yield return FirstMonth.AddMonths(i);
        }
    }

    /// <summary>Whether <paramref name="month"/> falls within the period (both ends inclusive).</summary>
    public bool Contains(Month month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>Whether every month of <paramref name="other"/> falls within this period; a period contains itself.</summary>
    public bool Contains(Period other) => other.FirstMonth >= FirstMonth && other.LastMonth <= LastMonth;

    /// <summary>The month, when the period is one; otherwise null.</summary>
    public Month? AsMonth() => Kind == PeriodKind.Month ? FirstMonth : null;

    /// <summary>The quarter, when the period is one; otherwise null.</summary>
    public Quarter? AsQuarter() => Kind == PeriodKind.Quarter ? FirstMonth.Quarter : null;

    /// <summary>The financial year, when the period is a whole one; otherwise null (see <see cref="FinancialYear"/>).</summary>
    public FinancialYear? AsYear() => Kind == PeriodKind.Year ? FirstMonth.FinancialYear : null;

    /// <summary>The period of one month.</summary>
    public static implicit operator Period(Month month) => new(PeriodKind.Month, month);

    /// <summary>The period of a quarter.</summary>
    public static implicit operator Period(Quarter quarter) => new(PeriodKind.Quarter, quarter.FirstMonth);

    /// <summary>The period of a whole financial year.</summary>
    public static implicit operator Period(FinancialYear year) => new(PeriodKind.Year, year.FirstMonth);

    /// <summary>The period of one month (for languages without implicit conversions).</summary>
    public static Period FromMonth(Month month) => month;

    /// <summary>The period of a quarter (for languages without implicit conversions).</summary>
    public static Period FromQuarter(Quarter quarter) => quarter;

    /// <summary>The period of a whole financial year (for languages without implicit conversions).</summary>
    public static Period FromYear(FinancialYear year) => year;

    /// <summary>
    /// Parses the canonical forms <c>2025-03</c>, <c>2024-25Q4</c> and <c>2024-25</c> (and what
    /// <see cref="Month.TryParse"/>, <see cref="Quarter.TryParse"/> and <see cref="FinancialYear.TryParse"/> accept).
    /// </summary>
    /// <remarks>
    /// A month is tried first, as the analyst's measures file reads it: <c>2011-12</c> (or <c>2011/12</c>) is
    /// December 2011, never the financial year 2011-12, which must be written <c>201112</c> (the EES form).
    /// </remarks>
    public static bool TryParse(string? text, out Period period)
    {
        if (Month.TryParse(text, out var month))
        {
            period = month;
            return true;
        }

        if (Quarter.TryParse(text, out var quarter))
        {
            period = quarter;
            return true;
        }

        if (FinancialYear.TryParse(text, out var year))
        {
            period = year;
            return true;
        }

        period = default;
        return false;
    }

    /// <summary>Parses a month, quarter or financial year in canonical form.</summary>
    /// <exception cref="FormatException">The text is none of them.</exception>
    public static Period Parse(string text) =>
        TryParse(text, out var p) ? p : throw new FormatException($"'{text}' is not a month like 2025-03, a quarter like 2024-25Q4 or a financial year like 2024-25.");

    /// <summary>The canonical form written to files and machine outputs: <c>2025-03</c>, <c>2024-25Q4</c> or <c>2024-25</c>.</summary>
    public override string ToString() => Kind switch
    {
        PeriodKind.Month => FirstMonth.ToString(),
        PeriodKind.Quarter => FirstMonth.Quarter.ToString(),
        _ => FirstMonth.FinancialYear.ToString(),
    };
}
