using System.Globalization;

namespace Outturn.Domain.Calendar;

/// <summary>
/// Working days in England and Wales: Monday to Friday, less the <see cref="BankHolidays"/>. Used for the child-level
/// timeliness indicators (assessments within 45 working days, S47 start to ICPC within 15).
/// </summary>
/// <remarks>
/// <para>Only bank holidays and weekends are non-working days; local closures (a Christmas shutdown) are not.</para>
/// <para>Every date given or reached must fall in <see cref="BankHolidays.FirstYear"/> to
/// <see cref="BankHolidays.LastYear"/>; anything outside throws <see cref="ArgumentOutOfRangeException"/>, because
/// the holidays there are not known.</para>
/// </remarks>
public static class WorkingDayCalendar
{
    /// <summary>Whether the day is a Monday to Friday that is not a bank holiday (substitute days are not working days).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date is outside the years the bank holidays are known for.</exception>
    public static bool IsWorkingDay(DateOnly date)
    {
        EnsureCovered(date, nameof(date));
        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsBankHoliday(date);
    }

    /// <summary>The number of working days from <paramref name="start"/> to <paramref name="end"/>, the end day included.</summary>
    /// <remarks>
    /// <para>With <see cref="StartDay.Included"/> (the default) this counts the working days <c>d</c> with
    /// <c>start &lt;= d &lt;= end</c>; with <see cref="StartDay.Excluded"/>, those with <c>start &lt; d &lt;= end</c>.
    /// The two differ by one exactly when the start day is a working day.</para>
    /// <para>A start or end on a weekend or bank holiday is not itself counted: a Saturday start counts from the
    /// Monday, and an end on a bank holiday Monday counts up to the Friday before. So the same day gives 1 (start
    /// included, a working day) or 0 (start excluded, or a non-working day). An indicator is "within n working days"
    /// when this is at most n.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="end"/> is before <paramref name="start"/> (an
    /// end before its start is a data error for the caller to report, not a negative duration), or either date is
    /// outside the years the bank holidays are known for.</exception>
    public static int WorkingDaysBetween(DateOnly start, DateOnly end, StartDay startDay = StartDay.Included)
    {
        EnsureCovered(start, nameof(start));
        EnsureCovered(end, nameof(end));
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(
                nameof(end), end, $"The end {Iso(end)} is before the start {Iso(start)}.");
        }

        // The working days up to the end, less those before the first day counted.
        var through = Counted[end.DayNumber - First.DayNumber];
        var before = startDay == StartDay.Included ? start.DayNumber - First.DayNumber - 1 : start.DayNumber - First.DayNumber;
        return through - (before < 0 ? 0 : Counted[before]);
    }

    /// <summary>The first day the calendar knows: 1 January of <see cref="BankHolidays.FirstYear"/>.</summary>
    private static readonly DateOnly First = new(BankHolidays.FirstYear, 1, 1);

    /// <summary>For each day the calendar knows, the working days from <see cref="First"/> to it, itself included.</summary>
    private static readonly int[] Counted = CountWorkingDays();

    private static int[] CountWorkingDays()
    {
        var last = new DateOnly(BankHolidays.LastYear, 12, 31);
        var counted = new int[last.DayNumber - First.DayNumber + 1];
        var sum = 0;
        for (var i = 0; i < counted.Length; i++)
        {
            var day = First.AddDays(i);
            sum += day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !BankHolidays.IsBankHoliday(day) ? 1 : 0;
            counted[i] = sum;
        }

        return counted;
    }

    /// <summary>
    /// The working day <paramref name="workingDays"/> working days after <paramref name="date"/> (before it, when
    /// negative), not counting <paramref name="date"/> itself; <paramref name="date"/> unchanged when zero.
    /// </summary>
    /// <remarks>
    /// <para>Steps one working day at a time, skipping weekends and bank holidays, like pandas'
    /// <c>CustomBusinessDay(n)</c> from a working day. From Friday 23 May 2025, 1 gives Tuesday 27 May (Monday 26 is
    /// the spring bank holiday). From a weekend or holiday the first step lands on the next (or previous) working day.
    /// For n &gt; 0, <c>WorkingDaysBetween(date, result, StartDay.Excluded) == n</c>.</para>
    /// <para>For a timescale's last day use <see cref="Deadline"/>, which applies the <see cref="StartDay"/>
    /// convention; adding 45 to a start date gives the 45th working day <em>after</em> it.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">The date, or a day stepped over, is outside the years the bank
    /// holidays are known for.</exception>
    public static DateOnly AddWorkingDays(DateOnly date, int workingDays)
    {
        EnsureCovered(date, nameof(date));
        var step = Math.Sign(workingDays);
        var result = date;
        for (var remaining = Math.Abs(workingDays); remaining > 0; remaining--)
        {
            do
            {
                result = result.AddDays(step);
            }
            while (!IsWorkingDay(result));
        }

        return result;
    }

    /// <summary>
    /// The last day of a timescale of <paramref name="workingDays"/> working days from <paramref name="start"/>: the
    /// working day on which <see cref="WorkingDaysBetween"/> first reaches <paramref name="workingDays"/>.
    /// </summary>
    /// <remarks>
    /// An end on or before this day is within the timescale; so is an end on the weekend or holidays straight after
    /// it, since those add no working day. With <see cref="StartDay.Included"/> an assessment started on Monday
    /// 2 December 2024 is due by Wednesday 5 February 2025 (45 working days across Christmas and New Year); with
    /// <see cref="StartDay.Excluded"/>, by Thursday 6 February.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is less than 1, or a date reached
    /// is outside the years the bank holidays are known for.</exception>
    public static DateOnly Deadline(DateOnly start, int workingDays, StartDay startDay = StartDay.Included)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workingDays, 1);
        var startCounts = startDay == StartDay.Included && IsWorkingDay(start);
        return AddWorkingDays(start, startCounts ? workingDays - 1 : workingDays);
    }

    private static void EnsureCovered(DateOnly date, string parameterName)
    {
        if (date.Year is < BankHolidays.FirstYear or > BankHolidays.LastYear)
        {
            throw new ArgumentOutOfRangeException(
                parameterName, date,
                $"Working days are known for {BankHolidays.FirstYear} to {BankHolidays.LastYear} only (the bank holidays of other years are not); {Iso(date)} is outside them.");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
