using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class MonthTests
{
    [Theory]
    [InlineData("2024-04", "2024-25Q1")] // April opens Q1
    [InlineData("2024-06", "2024-25Q1")]
    [InlineData("2024-07", "2024-25Q2")]
    [InlineData("2024-12", "2024-25Q3")]
    [InlineData("2025-01", "2024-25Q4")] // January belongs to the year that started the April before
    [InlineData("2025-03", "2024-25Q4")]
    public void Quarter_FollowsTheFinancialYear(string month, string quarter) =>
        Month.Parse(month).Quarter.ToString().ShouldBe(quarter);

    [Fact]
    public void Previous_OfAprilIsMarchOfThePreviousFinancialYear()
    {
        var april = Month.Parse("2025-04");

        april.Previous().ShouldBe(Month.Parse("2025-03"));
        april.Previous().FinancialYear.ToString().ShouldBe("2024-25");
        april.FinancialYear.ToString().ShouldBe("2025-26");
    }

    [Fact]
    public void AddMonths_CrossesCalendarYears()
    {
        Month.Parse("2025-01").AddMonths(-2).ShouldBe(Month.Parse("2024-11"));
        Month.Parse("2024-11").AddMonths(14).ShouldBe(Month.Parse("2026-01"));
    }

    [Fact]
    public void LastDay_KnowsLeapYears()
    {
        Month.Parse("2024-02").LastDay.ShouldBe(new DateOnly(2024, 2, 29));
        Month.Parse("2025-02").LastDay.ShouldBe(new DateOnly(2025, 2, 28));
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("2025-1")]
    [InlineData("Jan-25")]
    [InlineData("2024-25")] // a year, not a month
    public void TryParse_RefusesWhatIsNotAMonth(string text) =>
        Month.TryParse(text, out _).ShouldBeFalse();
}
