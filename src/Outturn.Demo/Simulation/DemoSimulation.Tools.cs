using Outturn.Domain.Calendar;
using Outturn.Domain.Periods;

namespace Outturn.Demo.Simulation;

/// <summary>Random draws, code lists and date helpers of the simulation.</summary>
internal sealed partial class DemoSimulation
{
    private static readonly string[] UnitLetters = ["A", "B", "D", "E", "F", "G", "H", "J", "L", "N", "P", "Q", "R", "S", "T", "U", "W", "X", "Y", "Z"];

    private static readonly (string Code, double Weight)[] Ethnicities =
    [
        ("WBRI", 68), ("WIRI", 0.5), ("WIRT", 0.3), ("WOTH", 6), ("WROM", 0.7), ("MWBC", 2.5), ("MWBA", 1), ("MWAS", 1.2),
        ("MOTH", 3), ("AIND", 1.5), ("APKN", 3), ("ABAN", 1), ("AOTH", 1.5), ("BCRB", 1.2), ("BAFR", 3), ("BOTH", 1),
        ("CHNE", 0.3), ("OOTH", 2), ("REFU", 0.3), ("NOBT", 1),
    ];

    private static readonly (string Code, double Weight)[] UascEthnicities = [("BAFR", 35), ("AOTH", 30), ("OOTH", 25), ("BOTH", 10)];

    private static readonly string[] DisabilityCodes = ["MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH", "CON", "AUT", "DDA"];

    private static readonly (string Code, double Weight)[] ReferralSources =
    [
        ("6", 29), ("2A", 19), ("2B", 2), ("3A", 3), ("3B", 2), ("3C", 1), ("3D", 4), ("3E", 3), ("3F", 2), ("5A", 4),
        ("5B", 5), ("5C", 4), ("1A", 4), ("1B", 1), ("1C", 1), ("1D", 1), ("7", 2), ("8", 4), ("4", 2), ("9", 1.5), ("10", 1),
    ];

    private static readonly (string Code, double Weight)[] Needs =
        [("N1", 57), ("N5", 15), ("N2", 5), ("N3", 4), ("N4", 9), ("N6", 4), ("N7", 0.5), ("N8", 2.5)];

    private static readonly (string Code, double Weight)[] Factors =
    [
        ("4B", 32), ("3A", 16), ("3B", 14), ("17A", 21), ("16A", 18), ("2B", 16), ("1B", 15), ("4A", 11), ("18C", 11),
        ("6B", 5), ("24A", 4), ("10A", 4), ("15A", 5), ("11A", 3), ("5B", 3), ("7A", 2), ("14A", 3), ("2A", 3), ("20", 6),
    ];

    private static readonly (string Code, double Weight)[] AbuseCategories = [("NEG", 50), ("EMO", 38), ("PHY", 7), ("SAB", 4), ("MUL", 1)];

    private static readonly (string Code, double Weight)[] PlaceChangeReasons =
    [
        ("CARPL", 30), ("CREQB", 15), ("CREQO", 10), ("CHILD", 8), ("LAREQ", 10), ("STAND", 4), ("ALLEG", 3), ("CLOSE", 4),
        ("APPRR", 2), ("OTHER", 14),
    ];

    private static readonly (string Code, double Weight)[] WorkerChangeReasons =
        [("LEFTRL", 40), ("MANAGE", 20), ("ORGRST", 10), ("ABSENC", 10), ("CHCHAN", 5), ("OTHERS", 15)];

    private static readonly string[] FirstNames =
    [
        "Amira", "Ben", "Chloe", "Dev", "Ellis", "Farah", "Grace", "Hamza", "Isla", "Jonah", "Kiran", "Leah", "Marcus",
        "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tara", "Usman", "Vera", "Wes", "Yasmin", "Zoe", "Aled",
        "Bethan", "Callum", "Dana", "Eamon", "Fern", "Gideon", "Hollie", "Idris", "Jodie", "Kofi", "Lena", "Milo",
    ];

    private static readonly string[] Surnames =
    [
        "Ashworth", "Baines", "Carrow", "Dunmore", "Ellery", "Fairbairn", "Garside", "Hollins", "Ingram", "Jessop",
        "Kettering", "Lomax", "Marston", "Nuttall", "Oakes", "Penrose", "Quarry", "Redfern", "Stansfield", "Thwaite",
        "Underhill", "Varley", "Whitlock", "Yardley", "Acton", "Birtwistle", "Cawley", "Dobson", "Eckersley", "Foulds",
    ];

    private readonly DemoSettings _settings;
    private readonly Random _rng;

    private double Uniform() => _rng.NextDouble();

    private bool Chance(double p) => _rng.NextDouble() < p;

    /// <summary>An integer from <paramref name="min"/> to <paramref name="max"/>, both included.</summary>
    private int Between(int min, int max) => _rng.Next(min, max + 1);

    private T Pick<T>(IReadOnlyList<T> items) => items[_rng.Next(items.Count)];

    private string Weighted((string Code, double Weight)[] items)
    {
        var total = 0.0;
        foreach (var item in items)
        {
            total += item.Weight;
        }

        var x = _rng.NextDouble() * total;
        foreach (var item in items)
        {
            x -= item.Weight;
            if (x < 0)
            {
                return item.Code;
            }
        }

        return items[^1].Code;
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    private double Normal()
    {
        var u1 = 1.0 - _rng.NextDouble();
        var u2 = _rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Days drawn from a log-normal with the given median, at least 1.</summary>
    private int LogNormalDays(double median, double sigma) =>
        (int)Math.Clamp(Math.Round(median * Math.Exp(sigma * Normal())), 1, 20_000);

    /// <summary>Days drawn from an exponential with the given mean, at least 1.</summary>
    private int ExponentialDays(double mean) =>
        (int)Math.Clamp(Math.Round(-mean * Math.Log(1.0 - _rng.NextDouble())), 1, 20_000);

    private int Poisson(double mean)
    {
        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal())));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = _rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= _rng.NextDouble();
        }

        return k;
    }

    private static bool Covered(DateOnly date) => date.Year is >= BankHolidays.FirstYear and <= BankHolidays.LastYear;

    /// <summary>Whether a working day; outside the years the bank holidays are known (history before 2010), any weekday.</summary>
    private static bool IsWorkingDay(DateOnly date) =>
        Covered(date) ? WorkingDayCalendar.IsWorkingDay(date) : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    internal static DateOnly WorkingDayOnOrAfter(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    private static DateOnly WorkingDayOnOrBefore(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>The last day of a timescale of <paramref name="workingDays"/> working days counting the start day.</summary>
    private static DateOnly Deadline(DateOnly start, int workingDays)
    {
        if (Covered(start) && Covered(start.AddDays(workingDays * 2)))
        {
            return WorkingDayCalendar.Deadline(start, workingDays);
        }

        var day = WorkingDayOnOrAfter(start);
        for (var n = 1; n < workingDays; n++)
        {
            day = WorkingDayOnOrAfter(day.AddDays(1));
        }

        return day;
    }

    private static int WorkingDaysBetween(DateOnly start, DateOnly end) =>
        Covered(start) && Covered(end) ? WorkingDayCalendar.WorkingDaysBetween(start, end)
            : Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Count(i => IsWorkingDay(start.AddDays(i)));

    /// <summary>
    /// Brings an end forward to the last working day of March when the activity would still be open at a 31 March
    /// having started <paramref name="limit"/> or more working days before it: the census queries an assessment
    /// open more than 45 working days, or an enquiry without a conference more than 15, at the year end.
    /// </summary>
    private static DateOnly SettleAtYearEnd(DateOnly start, DateOnly end, int limit)
    {
        var yearEnd = FinancialYear.Containing(start).End;
        if (end > yearEnd && WorkingDaysBetween(start, yearEnd) >= limit)
        {
            var settled = WorkingDayOnOrBefore(yearEnd);
            return settled >= start ? settled : start;
        }

        return end;
    }

    /// <summary>Moves a closure out of the last days of March, so that no social worker episode ends there without
    /// a successor (SSDA903 rule SW11b).</summary>
    private static DateOnly AvoidLastDaysOfMarch(DateOnly date) =>
        date.Month == 3 && date.Day >= 25 ? WorkingDayOnOrAfter(new DateOnly(date.Year, 4, 2)) : date;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private string Postcode(bool inArea)
    {
        var district = inArea ? Between(1, 19) : Between(20, 59);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{_settings.Authority.PostcodeArea}{district} {Between(1, 9)}{Pick(UnitLetters)}{Pick(UnitLetters)}");
    }

    /// <summary>A placement postcode that is never the child's home postcode.</summary>
    private string PostcodeOtherThan(string? home, bool inArea)
    {
        string postcode;
        do
        {
            postcode = Postcode(inArea);
        }
        while (postcode == home);
        return postcode;
    }

    /// <summary>A UPN: check letter, LA number, establishment, year and serial, with the DfE check letter.</summary>
    internal static string MakeUpn(string laNumber, int serial, int yearAllocated)
    {
        var establishment = 2000 + (serial / 1000 % 7000);
        var body = string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{laNumber}{establishment:D4}{yearAllocated % 100:D2}{serial % 1000:D3}");
        var sum = 0;
        for (var i = 0; i < 12; i++)
        {
            sum += (body[i] - '0') * (i + 2);
        }

        return "ABCDEFGHJKLMNPQRTUVWXYZ"[sum % 23] + body;
    }
}
