using Outturn.Domain.ChildLevel;

namespace Outturn.Domain.Tests.ChildLevel;

public class DatedTests
{
    [Theory]
    [InlineData("2025-03-09", null, false)] // the day before it started
    [InlineData("2025-03-10", null, true)] // open on the day it starts
    [InlineData("2025-03-20", "2025-03-21", true)] // the day before it ends
    [InlineData("2025-03-21", "2025-03-21", false)] // closed on the day it ends
    [InlineData("2025-03-31", null, true)] // still open
    public void IsOpenOn_IsOpenFromTheStartDayToTheDayBeforeTheEnd(string date, string? end, bool open)
    {
        static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

        Dated.IsOpenOn(D("2025-03-10"), end is null ? null : D(end), D(date)).ShouldBe(open);
    }

    [Theory]
    [InlineData("2024-03-31", null, true)] // open throughout
    [InlineData("2024-01-01", "2024-03-31", false)] // ended the day before the period
    [InlineData("2024-01-01", "2024-04-01", true)] // ended on its first day: open that day
    [InlineData("2025-03-31", null, true)] // started on its last day
    [InlineData("2025-04-01", null, false)] // started after it
    public void IsOpenDuring_IsOpenAtAnyTimeFromTheFirstDayToTheLast(string start, string? end, bool open)
    {
        static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

        Dated.IsOpenDuring(D(start), end is null ? null : D(end), D("2024-04-01"), D("2025-03-31")).ShouldBe(open);
    }

    [Fact]
    public void Ssda903Codes_SayWhichCodesAreShortBreaksNewCarersAdoptionWithTheFosterCarersAndEndsOfCare()
    {
        new[] { "V2", "V3", "V4", "C2" }.Where(Ssda903Codes.IsShortBreak).ShouldBe(["V3", "V4"]);
        new[] { "S", "L", "P", "T", "B", "U" }.Where(Ssda903Codes.IsNewCarer).ShouldBe(["S", "P", "B"]);
        new[] { "A3", "A4", "A5", "A6", "U1" }.Where(Ssda903Codes.IsAdoptionWithCurrentFosterCarers).ShouldBe(["A3", "A5"]);
        new[] { "X1", "E11", "E4A", null }.Where(Ssda903Codes.EndsCare).ShouldBe(["E11", "E4A"]);
    }
}
