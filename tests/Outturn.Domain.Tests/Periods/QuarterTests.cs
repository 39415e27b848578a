using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class QuarterTests
{
    [Fact]
    public void Months_OfQ4AreJanuaryToMarch() =>
        Quarter.Parse("2024-25Q4").Months().Select(m => m.ToString()).ShouldBe(["2025-01", "2025-02", "2025-03"]);

    [Fact]
    public void Previous_OfQ1IsQ4OfThePreviousYear() =>
        Quarter.Parse("2025-26Q1").Previous().ShouldBe(Quarter.Parse("2024-25Q4"));

    [Theory]
    [InlineData("2024-25 Q4", true)]
    [InlineData("2024-25Q5", false)]
    [InlineData("2024Q4", false)]
    public void TryParse_AcceptsOnlyQuartersOneToFour(string text, bool ok) =>
        Quarter.TryParse(text, out _).ShouldBe(ok);
}
