using System.Collections.Frozen;

namespace Outturn.Domain.Calendar;

/// <summary>
/// The England and Wales bank holidays from <see cref="FirstYear"/> to <see cref="LastYear"/>, computed by rule.
/// </summary>
/// <remarks>
/// <para>The standing rules: New Year's Day; Good Friday and Easter Monday (Gregorian Easter); the early May bank
/// holiday, the first Monday of May; the spring bank holiday, the last Monday of May; the summer bank holiday, the last
/// Monday of August; Christmas Day and Boxing Day. When 1 January, 25 December or 26 December falls on a weekend the
/// next weekday not already a holiday is the substitute: Christmas on a Saturday gives Monday 27 (Christmas Day) and
/// Tuesday 28 (Boxing Day); Christmas on a Sunday gives Monday 26 (Boxing Day) and Tuesday 27 (Christmas Day); Boxing
/// Day on a Saturday gives Monday 28.</para>
/// <para>The proclaimed changes in the range: 29 April 2011 (royal wedding); 2012 spring bank holiday moved to 4 June
/// with 5 June added (Diamond Jubilee); 2020 early May bank holiday moved to Friday 8 May (VE day); 2022 spring bank
/// holiday moved to 2 June with 3 June added (Platinum Jubilee); 19 September 2022 (State Funeral of Queen Elizabeth
/// II); 8 May 2023 (coronation of King Charles III).</para>
/// <para>Years outside the range are refused with <see cref="ArgumentOutOfRangeException"/> rather than computed:
/// the rules cannot know a holiday not yet proclaimed, so a guess would silently miscount working days. The years
/// 2028 to 2030 are not yet published by gov.uk and follow the standing rules; widen the range, or add a one-off,
/// only against gov.uk's published list (www.gov.uk/bank-holidays.json).</para>
/// <para>Checked against gov.uk's list for 2011 to 2027 by <c>BankHolidaysTests</c> (see its <c>TestData/README.md</c>).</para>
/// </remarks>
public static class BankHolidays
{
    /// <summary>The first year covered.</summary>
    public const int FirstYear = 2010;

    /// <summary>The last year covered. 2028 onwards are computed by the standing rules, not yet published.</summary>
    public const int LastYear = 2030;

    private static readonly FrozenDictionary<int, IReadOnlyList<BankHoliday>> ByYear =
        Enumerable.Range(FirstYear, LastYear - FirstYear + 1).ToFrozenDictionary(y => y, Compute);

    private static readonly FrozenSet<DateOnly> Dates =
        ByYear.Values.SelectMany(list => list).Select(h => h.Date).ToFrozenSet();

    /// <summary>The bank holidays of a calendar year, in date order.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The year is outside <see cref="FirstYear"/> to <see cref="LastYear"/>.</exception>
    public static IReadOnlyList<BankHoliday> InYear(int year)
    {
        EnsureCovered(year);
        return ByYear[year];
    }

    /// <summary>Whether the day is an England and Wales bank holiday (a substitute day counts; the weekend date it replaces does not).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The date's year is outside <see cref="FirstYear"/> to <see cref="LastYear"/>.</exception>
    public static bool IsBankHoliday(DateOnly date)
    {
        EnsureCovered(date.Year);
        return Dates.Contains(date);
    }

    /// <summary>Throws unless the year is covered.</summary>
    internal static void EnsureCovered(int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(year), year,
                $"England and Wales bank holidays are known for {FirstYear} to {LastYear} only; {year} is outside them.");
        }
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static IReadOnlyList<BankHoliday> Compute(int year)
    {
        var holidays = new List<BankHoliday>();

        void Add(DateOnly date, string name) => holidays.Add(new BankHoliday(date, name));

        // A fixed-date holiday on a weekend moves to the next weekday not already taken.
        void AddFixed(DateOnly date, string name)
        {
            if (!IsWeekend(date))
            {
                Add(date, name);
                return;
            }

            var substitute = date;
            while (IsWeekend(substitute) || holidays.Exists(h => h.Date == substitute))
            {
                substitute = substitute.AddDays(1);
            }

            Add(substitute, name + " (substitute day)");
        }

        AddFixed(new DateOnly(year, 1, 1), "New Year’s Day");

        var easter = EasterSunday(year);
        Add(easter.AddDays(-2), "Good Friday");
        Add(easter.AddDays(1), "Easter Monday");

        if (year == 2011)
        {
            Add(new DateOnly(2011, 4, 29), "Royal wedding");
        }

        if (year == 2020)
        {
            Add(new DateOnly(2020, 5, 8), "Early May bank holiday (VE day)");
        }
        else
        {
            Add(FirstMonday(year, 5), "Early May bank holiday");
        }

        if (year == 2023)
        {
            Add(new DateOnly(2023, 5, 8), "Bank holiday for the coronation of King Charles III");
        }

        switch (year)
        {
            case 2012:
                Add(new DateOnly(2012, 6, 4), "Spring bank holiday (substitute day)");
                Add(new DateOnly(2012, 6, 5), "Queen’s Diamond Jubilee");
                break;
            case 2022:
                Add(new DateOnly(2022, 6, 2), "Spring bank holiday");
                Add(new DateOnly(2022, 6, 3), "Platinum Jubilee bank holiday");
                break;
            default:
                Add(LastMonday(year, 5), "Spring bank holiday");
                break;
        }

        Add(LastMonday(year, 8), "Summer bank holiday");

        if (year == 2022)
        {
            Add(new DateOnly(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II");
        }

        // Boxing Day is placed before Christmas Day's substitute so that a Sunday Christmas gives Boxing Day on
        // Monday 26 and Christmas Day (substitute day) on Tuesday 27, as gov.uk names them.
        var christmas = new DateOnly(year, 12, 25);
        var boxingDay = new DateOnly(year, 12, 26);
        if (christmas.DayOfWeek == DayOfWeek.Sunday)
        {
            Add(boxingDay, "Boxing Day");
            AddFixed(christmas, "Christmas Day");
        }
        else
        {
            AddFixed(christmas, "Christmas Day");
            AddFixed(boxingDay, "Boxing Day");
        }

        holidays.Sort((x, y) => x.Date.CompareTo(y.Date));
        return holidays.AsReadOnly();
    }

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static DateOnly FirstMonday(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly LastMonday(int year, int month)
    {
        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        return last.AddDays(-(((int)last.DayOfWeek - (int)DayOfWeek.Monday + 7) % 7));
    }
}
