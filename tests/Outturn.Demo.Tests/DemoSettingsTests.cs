using Outturn.Domain.Periods;

namespace Outturn.Demo.Tests;

public class DemoSettingsTests
{
    [Theory]
    [InlineData("2025-03-31", "2024-25")] // the default: 31 March completes 2024-25
    [InlineData("2025-03-30", "2023-24")] // a day earlier, 2024-25 is not complete
    [InlineData("2025-04-01", "2024-25")]
    [InlineData("2026-01-15", "2024-25")]
    public void LastYear_IsTheLastCompleteFinancialYearOnTheAsAtDate(string asAt, string last)
    {
        var settings = new DemoSettings(60_000, 4, 1, DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture));

        settings.LastYear.ShouldBe(FinancialYear.Parse(last));
        settings.FirstYear.ShouldBe(new FinancialYear(settings.LastYear.StartYear - 3));
        settings.ReportingYears.Count.ShouldBe(4);
    }

    [Theory]
    [InlineData(499, 4)] // too few children for any return to mean anything
    [InlineData(60_000, 0)]
    [InlineData(60_000, 11)]
    public void Constructor_RefusesChildrenOrYearsOutOfRange(int children, int years) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DemoSettings(children, years, 1, new DateOnly(2025, 3, 31)));

    [Theory]
    [InlineData("2016-03-31")] // ten years to 2015-16 would start the simulation in 2001, before the known holidays
    [InlineData("2030-03-31")] // the timescales of 2029-30 would run past 2030, the last year of known holidays
    public void Constructor_RefusesYearsWhoseWorkingDaysAreUnknown(string asAt) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new DemoSettings(60_000, 10, 1, DateOnly.Parse(asAt, System.Globalization.CultureInfo.InvariantCulture)));
}
