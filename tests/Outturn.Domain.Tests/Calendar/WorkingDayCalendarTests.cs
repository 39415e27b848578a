using System.Globalization;
using Outturn.Domain.Calendar;

namespace Outturn.Domain.Tests.Calendar;

public class WorkingDayCalendarTests
{
    [Theory]
    [InlineData("2025-05-23", true)] // a Friday
    [InlineData("2025-05-24", false)] // a Saturday
    [InlineData("2025-05-25", false)] // a Sunday
    [InlineData("2025-05-26", false)] // spring bank holiday Monday
    [InlineData("2022-12-27", false)] // Christmas Day's substitute, a Tuesday
    [InlineData("2020-05-04", true)] // the usual early May Monday, a working day in the VE day year
    public void IsWorkingDay_IsMondayToFridayLessBankHolidays(string date, bool expected) =>
        WorkingDayCalendar.IsWorkingDay(Date(date)).ShouldBe(expected);

    [Theory]
    [InlineData("2024-12-02", "2025-02-05", 45, 44)] // 45 working days across Christmas, Boxing Day and New Year's Day
    [InlineData("2024-12-02", "2025-02-06", 46, 45)] // one working day later: late under the validator's count, on time without the start day
    [InlineData("2025-03-03", "2025-05-07", 45, 44)] // across Good Friday, Easter Monday and the early May bank holiday
    [InlineData("2025-05-23", "2025-06-13", 15, 14)] // S47 starting on the Friday before the spring bank holiday Monday: ICPC on day 15
    [InlineData("2025-05-23", "2025-06-16", 16, 15)] // the same S47, ICPC the Monday after: late under the validator's count
    [InlineData("2025-05-23", "2025-05-27", 2, 1)] // Friday to the Tuesday after a bank holiday Monday
    [InlineData("2025-01-04", "2025-01-06", 1, 1)] // starts on a Saturday: counting begins on the Monday either way
    [InlineData("2025-01-04", "2025-01-05", 0, 0)] // a weekend only
    [InlineData("2025-05-23", "2025-05-26", 1, 0)] // ends on a bank holiday Monday: the holiday is not counted
    [InlineData("2025-05-23", "2025-05-23", 1, 0)] // same working day
    [InlineData("2025-12-25", "2025-12-25", 0, 0)] // same day, a bank holiday
    [InlineData("2024-04-01", "2025-03-31", 254, 254)] // the whole 2024-25 year: 261 weekdays less 7 bank holidays; it starts on Easter Monday, so leaving the start day out changes nothing
    public void WorkingDaysBetween_CountsTheEndDayAndTheStartDayOnlyWhenIncluded(
        string start, string end, int included, int excluded)
    {
        // Given
        var (from, to) = (Date(start), Date(end));

        // When
        var withStart = WorkingDayCalendar.WorkingDaysBetween(from, to);
        var withoutStart = WorkingDayCalendar.WorkingDaysBetween(from, to, StartDay.Excluded);

        // Then
        withStart.ShouldBe(included);
        withoutStart.ShouldBe(excluded);
    }

    [Fact]
    public void WorkingDaysBetween_DefaultsToCountingTheStartDay() =>
        WorkingDayCalendar.WorkingDaysBetween(Date("2025-05-23"), Date("2025-05-23"))
            .ShouldBe(WorkingDayCalendar.WorkingDaysBetween(Date("2025-05-23"), Date("2025-05-23"), StartDay.Included));

    [Fact]
    public void WorkingDaysBetween_MatchesTheCinValidatorRule8670Q()
    {
        // Given the census year ending Friday 31 March 2023. The validator queries an open assessment started before
        // ReferenceDate - CustomBusinessDay(n = 45 - 1), which is Monday 30 January 2023.
        var referenceDate = Date("2023-03-31");
        var latestStartInTime = Date("2023-01-30");

        // Then that start is exactly 45 working days, counting both ends, and a day earlier is 46
        WorkingDayCalendar.AddWorkingDays(referenceDate, -44).ShouldBe(latestStartInTime);
        WorkingDayCalendar.WorkingDaysBetween(latestStartInTime, referenceDate).ShouldBe(45);
        WorkingDayCalendar.WorkingDaysBetween(Date("2023-01-27"), referenceDate).ShouldBe(46);
        WorkingDayCalendar.Deadline(latestStartInTime, 45).ShouldBe(referenceDate);

        // And the validator's own test rows: started 15/03/2023 passes, 15/10/2022 is queried
        WorkingDayCalendar.WorkingDaysBetween(Date("2023-03-15"), referenceDate).ShouldBeLessThanOrEqualTo(45);
        WorkingDayCalendar.WorkingDaysBetween(Date("2022-10-15"), referenceDate).ShouldBeGreaterThan(45);
    }

    [Fact]
    public void WorkingDaysBetween_RefusesAnEndBeforeItsStart()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(
            () => WorkingDayCalendar.WorkingDaysBetween(Date("2025-05-23"), Date("2025-05-22")));

        error.ParamName.ShouldBe("end");
        error.Message.ShouldContain("The end 2025-05-22 is before the start 2025-05-23");
    }

    [Theory]
    [InlineData("2009-12-31", "2010-01-04")] // starts before the range
    [InlineData("2030-12-31", "2031-01-02")] // ends after it
    public void WorkingDaysBetween_RefusesDatesWhoseHolidaysAreUnknown(string start, string end) =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDayCalendar.WorkingDaysBetween(Date(start), Date(end)));

    [Theory]
    [InlineData("2025-05-23", 1, "2025-05-27")] // Friday + 1 skips the weekend and the bank holiday Monday
    [InlineData("2025-05-23", 0, "2025-05-23")] // zero steps: unchanged
    [InlineData("2025-05-24", 0, "2025-05-24")] // zero steps from a Saturday: still unchanged, not rolled to a working day
    [InlineData("2025-05-24", 1, "2025-05-27")] // from a Saturday the first step lands on the next working day
    [InlineData("2025-05-27", -1, "2025-05-23")] // backwards over the bank holiday weekend
    [InlineData("2024-12-24", 2, "2024-12-30")] // Christmas Eve + 2: past Christmas Day and Boxing Day, Friday 27, then Monday 30
    [InlineData("2024-12-02", 44, "2025-02-05")] // the 44th working day after the start is the 45th counting it
    public void AddWorkingDays_StepsOverWeekendsAndBankHolidays(string date, int workingDays, string expected) =>
        WorkingDayCalendar.AddWorkingDays(Date(date), workingDays).ShouldBe(Date(expected));

    [Fact]
    public void AddWorkingDays_RefusesToStepPastTheLastKnownYear() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDayCalendar.AddWorkingDays(new DateOnly(2030, 12, 30), 5));

    [Theory]
    [InlineData("2024-12-02", 45, StartDay.Included, "2025-02-05")] // assessment across Christmas and New Year
    [InlineData("2024-12-02", 45, StartDay.Excluded, "2025-02-06")] // the same, start day not counted: a day later
    [InlineData("2025-03-03", 45, StartDay.Included, "2025-05-07")] // assessment across Easter and the early May bank holiday
    [InlineData("2025-05-23", 15, StartDay.Included, "2025-06-13")] // S47 on the Friday before a bank holiday Monday: ICPC due by day 15
    [InlineData("2025-05-24", 15, StartDay.Included, "2025-06-16")] // S47 on a Saturday: day 1 is the Tuesday after the holiday
    [InlineData("2025-05-24", 15, StartDay.Excluded, "2025-06-16")] // on a weekend start the two conventions agree
    [InlineData("2025-05-23", 1, StartDay.Included, "2025-05-23")] // a one-day timescale ends the day it starts
    public void Deadline_IsTheWorkingDayTheCountReaches(string start, int workingDays, StartDay startDay, string expected)
    {
        // When
        var deadline = WorkingDayCalendar.Deadline(Date(start), workingDays, startDay);

        // Then it is that day, and the count to it is exactly the timescale
        deadline.ShouldBe(Date(expected));
        WorkingDayCalendar.WorkingDaysBetween(Date(start), deadline, startDay).ShouldBe(workingDays);
    }

    [Fact]
    public void Deadline_RefusesATimescaleOfNoDays() =>
        Should.Throw<ArgumentOutOfRangeException>(() => WorkingDayCalendar.Deadline(Date("2025-05-23"), 0));

    private static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
