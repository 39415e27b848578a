using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class FinancialYearTests
{
    [Theory]
    [InlineData("2024-25", 2024)]
    [InlineData("2024/25", 2024)]
    [InlineData("202425", 2024)] // the EES time_period form
    [InlineData("1999-00", 1999)] // century boundary
    public void Parse_AcceptsTheWrittenForms(string text, int startYear) =>
        FinancialYear.Parse(text).StartYear.ShouldBe(startYear);

    [Theory]
    [InlineData("2024-26")] // the second year must follow the first
    [InlineData("2024")]
    [InlineData("24-25")]
    [InlineData("")]
    public void TryParse_RefusesWhatIsNotAYear(string text) =>
        FinancialYear.TryParse(text, out _).ShouldBeFalse();

    [Fact]
    public void Year_RunsFromAprilToMarchInclusive()
    {
        var year = new FinancialYear(2024);

        year.Start.ShouldBe(new DateOnly(2024, 4, 1));
        year.End.ShouldBe(new DateOnly(2025, 3, 31));
        year.Contains(new DateOnly(2025, 3, 31)).ShouldBeTrue();
        year.Contains(new DateOnly(2025, 4, 1)).ShouldBeFalse();
        year.Months().Select(m => m.ToString()).ShouldBe(
            ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);
        year.ToString().ShouldBe("2024-25");
    }

    [Fact]
    public void Containing_PutsJanuaryToMarchInTheYearThatStartedTheAprilBefore()
    {
        FinancialYear.Containing(new DateOnly(2025, 3, 31)).ShouldBe(new FinancialYear(2024));
        FinancialYear.Containing(new DateOnly(2025, 4, 1)).ShouldBe(new FinancialYear(2025));
    }

    [Fact]
    public void Constructor_RefusesImplausibleYears() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new FinancialYear(1800));
}
