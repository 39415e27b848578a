using System.Globalization;
using System.Runtime.CompilerServices;
using Outturn.Domain.Calendar;

namespace Outturn.Domain.Tests.Calendar;

public class BankHolidaysTests
{
    public static TheoryData<int> CoveredYears()
    {
        var years = new TheoryData<int>();
        for (var year = BankHolidays.FirstYear; year <= BankHolidays.LastYear; year++)
        {
            years.Add(year);
        }

        return years;
    }

    [Theory]
    [MemberData(nameof(CoveredYears))]
    public void InYear_EqualsThePublishedListExactly(int year)
    {
        // Given the gov.uk list for the year (TestData/README.md says where each year comes from)
        var expected = Published().Where(h => h.Date.Year == year).Select(Line);

        // When
        var computed = BankHolidays.InYear(year).Select(Line);

        // Then dates and names match, in order
        computed.ShouldBe(expected);
    }

    [Fact]
    public void TheExpectedList_CoversEveryYearOfTheRange() =>
        Published().Select(h => h.Date.Year).Distinct().Order()
            .ShouldBe(Enumerable.Range(BankHolidays.FirstYear, BankHolidays.LastYear - BankHolidays.FirstYear + 1));

    [Theory]
    [InlineData(2021, "2021-12-27 Christmas Day (substitute day)", "2021-12-28 Boxing Day (substitute day)")] // Christmas on a Saturday: Monday 27 and Tuesday 28
    [InlineData(2022, "2022-12-26 Boxing Day", "2022-12-27 Christmas Day (substitute day)")] // Christmas on a Sunday: Boxing Day keeps Monday 26, Christmas moves to Tuesday 27
    [InlineData(2020, "2020-12-25 Christmas Day", "2020-12-28 Boxing Day (substitute day)")] // Boxing Day on a Saturday: Monday 28
    public void InYear_GivesChristmasSubstituteDaysAsGovUkDoes(int year, string christmas, string boxingDay) =>
        BankHolidays.InYear(year).Select(Line).TakeLast(2).ShouldBe([christmas, boxingDay]);

    [Theory]
    [InlineData(2011, "2011-01-03")] // 1 January a Saturday: Monday 3
    [InlineData(2017, "2017-01-02")] // 1 January a Sunday: Monday 2
    [InlineData(2024, "2024-01-01")] // 1 January a Monday: no substitute
    public void InYear_MovesNewYearsDayOffTheWeekend(int year, string expected) =>
        BankHolidays.InYear(year)[0].Date.ShouldBe(DateOnly.ParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("2020-05-04", false)] // the first Monday of May 2020 was an ordinary working day: the holiday moved to VE day
    [InlineData("2020-05-08", true)] // VE day, Friday
    [InlineData("2012-05-28", false)] // the last Monday of May 2012: the holiday moved to 4 June
    [InlineData("2022-05-30", false)] // the last Monday of May 2022: the holiday moved to 2 June
    [InlineData("2022-09-19", true)] // State Funeral of Queen Elizabeth II
    [InlineData("2022-12-25", false)] // a Sunday Christmas Day is not itself the holiday taken
    public void IsBankHoliday_FollowsTheProclaimedMoves(string date, bool expected) =>
        BankHolidays.IsBankHoliday(Date(date)).ShouldBe(expected);

    [Theory]
    [InlineData(2010, "2010-04-04")] // first year of the range
    [InlineData(2011, "2011-04-24")] // latest possible day is 25 April; 2011 comes close
    [InlineData(2016, "2016-03-27")] // March Easter
    [InlineData(2019, "2019-04-21")] // an ordinary April Easter
    [InlineData(2030, "2030-04-21")] // last year of the range, not yet published
    [InlineData(2285, "2285-03-22")] // earliest possible day, checks the algorithm beyond the range
    [InlineData(2038, "2038-04-25")] // latest possible day
    public void EasterSunday_FollowsTheGregorianComputus(int year, string expected) =>
        BankHolidays.EasterSunday(year).ShouldBe(Date(expected));

    [Theory]
    [InlineData(2009)] // the year before the range
    [InlineData(2031)] // the year after: not yet proclaimed, so not guessed
    public void InYear_RefusesYearsOutsideTheRange(int year) =>
        Should.Throw<ArgumentOutOfRangeException>(() => BankHolidays.InYear(year)).Message.ShouldContain("2010 to 2030");

    [Fact]
    public void IsBankHoliday_RefusesADateOutsideTheRange() =>
        Should.Throw<ArgumentOutOfRangeException>(() => BankHolidays.IsBankHoliday(new DateOnly(2031, 1, 1)));

    private static string Line(BankHoliday holiday) =>
        holiday.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + holiday.Name;

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<BankHoliday> Published([CallerFilePath] string callerFile = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerFile)!, "TestData", "bank-holidays-england-and-wales.txt");
        return File.ReadLines(path)
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => new BankHoliday(Date(line[..10]), line[11..]));
    }
}
