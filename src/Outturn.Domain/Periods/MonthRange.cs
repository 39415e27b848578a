using System.Collections;

namespace Outturn.Domain.Periods;

/// <summary>The months from <see cref="From"/> to <see cref="To"/>, both inclusive, in order.</summary>
/// <remarks>Ranges are what the national indicators compute over: one pass over the records gives every month.</remarks>
public readonly record struct MonthRange : IEnumerable<Month>
{
    /// <summary>Creates the range from <paramref name="from"/> to <paramref name="to"/>, both inclusive.</summary>
    /// <exception cref="ArgumentException"><paramref name="to"/> is before <paramref name="from"/>.</exception>
    public MonthRange(Month from, Month to)
    {
        if (to < from)
        {
            throw new ArgumentException($"The range ends ({to}) before it starts ({from}).", nameof(to));
        }

        From = from;
        To = to;
    }

    /// <summary>The first month, inclusive.</summary>
    public Month From { get; }

    /// <summary>The last month, inclusive.</summary>
    public Month To { get; }

    /// <summary>The number of months, at least one.</summary>
    public int Count => Index(To) + 1;

    /// <summary>The month at a 0-based position.</summary>
    public Month this[int index] => From.AddMonths(index);

    /// <summary>One month alone.</summary>
    public static MonthRange Single(Month month) => new(month, month);

    /// <summary>The twelve months of a financial year, April to March.</summary>
    public static MonthRange Of(FinancialYear year) => new(year.FirstMonth, year.LastMonth);

    /// <summary>The twelve months ending with <paramref name="month"/>: the window of a rolling 12-month figure.</summary>
    public static MonthRange TwelveMonthsTo(Month month) => new(month.AddMonths(-11), month);

    /// <summary>Whether a month lies in the range.</summary>
    public bool Contains(Month month) => month >= From && month <= To;

    /// <summary>The 0-based position of a month in the range, or -1 when it lies outside.</summary>
    public int IndexOf(Month month) => Contains(month) ? Index(month) : -1;

    /// <summary>
    /// The months of the range at whose last day a span is open, "open at the end of a day" meaning started on or
    /// before it and not ended on or before it (a span ending on a month's last day is not open at that month's end);
    /// null when there are none.
    /// </summary>
    /// <param name="start">The first day of the span.</param>
    /// <param name="end">The day the span ended, or null while open.</param>
    public MonthRange? OpenAtMonthEnds(DateOnly start, DateOnly? end)
    {
        var first = Month.Containing(start);
        var from = first > From ? first : From;
        var to = To;
        if (end is { } e)
        {
            var ended = Month.Containing(e);
            if (ended <= from)
            {
                return null;
            }

            var last = ended.Previous();
            to = last < to ? last : to;
        }

        return from <= to ? new MonthRange(from, to) : null;
    }

    /// <inheritdoc />
    public IEnumerator<Month> GetEnumerator()
    {
        for (var m = From; m <= To; m = m.Next())
        {
            yield return m;
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The range as <c>2024-04 to 2025-03</c>.</summary>
    public override string ToString() => From == To ? From.ToString() : $"{From} to {To}";

    private int Index(Month month) => ((month.Year - From.Year) * 12) + month.Number - From.Number;
}
