using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Periods;

public class PeriodTests
{
    private static readonly Month March2025 = new(2025, 3);
    private static readonly Quarter Q4 = new FinancialYear(2024).Quarter(4);
    private static readonly FinancialYear Year2024 = new(2024);

    [Fact]
    public void FromMonth_SpansTheMonthAlone()
    {
        Period p = March2025;

        (p.Kind, p.FirstMonth, p.LastMonth, p.Length).ShouldBe((PeriodKind.Month, March2025, March2025, 1));
        p.AsMonth().ShouldBe(March2025);
        p.AsQuarter().ShouldBeNull();
        p.AsYear().ShouldBeNull();
    }

    [Fact]
    public void FromQuarter_SpansItsThreeMonths()
    {
        Period p = Q4;

        // Q4 of 2024-25 is January to March 2025
        (p.Kind, p.FirstMonth, p.LastMonth, p.Length).ShouldBe((PeriodKind.Quarter, new Month(2025, 1), March2025, 3));
        p.AsQuarter().ShouldBe(Q4);
        p.AsMonth().ShouldBeNull();
    }

    [Fact]
    public void FromYear_SpansAprilToMarch()
    {
        Period p = Year2024;

        (p.Kind, p.FirstMonth, p.LastMonth, p.Length).ShouldBe((PeriodKind.Year, new Month(2024, 4), March2025, 12));
        p.AsYear().ShouldBe(Year2024);
        p.Months().Select(m => m.ToString()).ShouldBe(
            ["2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12", "2025-01", "2025-02", "2025-03"]);
    }

    [Theory]
    [InlineData("2025-03", "2024-25")] // January to March belong to the year that started the April before
    [InlineData("2024-04", "2024-25")]
    [InlineData("2024-25Q4", "2024-25")]
    [InlineData("2025-26Q1", "2025-26")]
    [InlineData("2024-25", "2024-25")]
    public void FinancialYear_IsTheYearThePeriodLiesIn(string period, string year) =>
        Period.Parse(period).FinancialYear.ShouldBe(FinancialYear.Parse(year));

    [Theory]
    [InlineData("2024-25Q4", "2024-12", false)] // December is Q3
    [InlineData("2024-25Q4", "2025-01", true)] // the quarter's first month
    [InlineData("2024-25Q4", "2025-03", true)] // and its last: both ends inclusive
    [InlineData("2024-25Q4", "2025-04", false)] // April opens the next year
    [InlineData("2024-25", "2024-04", true)]
    [InlineData("2024-25", "2024-03", false)] // March 2024 closes 2023-24
    [InlineData("2025-03", "2025-03", true)]
    [InlineData("2025-03", "2025-02", false)]
    public void Contains_Month(string period, string month, bool contains) =>
        Period.Parse(period).Contains(Month.Parse(month)).ShouldBe(contains);

    [Theory]
    [InlineData("2024-25", "2024-25Q1", true)]
    [InlineData("2024-25", "2024-25Q4", true)]
    [InlineData("2024-25", "2025-26Q1", false)]
    [InlineData("2024-25", "2023-24Q4", false)] // the quarter before the year: the scorecard's trend can hold one
    [InlineData("2024-25Q4", "2024-25", false)] // a quarter does not contain its year
    [InlineData("2024-25Q4", "2024-25Q4", true)] // a period contains itself
    [InlineData("2024-25Q4", "2025-02", true)]
    public void Contains_Period(string outer, string inner, bool contains) =>
        Period.Parse(outer).Contains(Period.Parse(inner)).ShouldBe(contains);

    [Fact]
    public void Equality_NeedsTheSameKindAndMonths()
    {
        Period quarter = Q4, sameQuarter = new Quarter(Year2024, 4), month = new Month(2025, 1), year = Year2024;

        quarter.ShouldBe(sameQuarter);
        (quarter == sameQuarter).ShouldBeTrue();
        quarter.GetHashCode().ShouldBe(sameQuarter.GetHashCode());

        // January starts Q4 but is not Q4; April starts the year but is not the year
        quarter.ShouldNotBe(month);
        year.ShouldNotBe((Period)new Month(2024, 4));
        year.ShouldNotBe((Period)Year2024.Quarter(1));
    }

    [Theory]
    [InlineData("2025-03")]
    [InlineData("2024-25Q4")]
    [InlineData("2024-25")]
    [InlineData("1990-91Q1")] // the earliest year
    public void ToString_IsTheCanonicalTextAndParsesBack(string text)
    {
        var p = Period.Parse(text);

        p.ToString().ShouldBe(text);
        Period.Parse(p.ToString()).ShouldBe(p);
    }

    [Fact]
    public void ToString_MatchesTheTypesItWasMadeFrom()
    {
        ((Period)March2025).ToString().ShouldBe(March2025.ToString());
        ((Period)Q4).ToString().ShouldBe(Q4.ToString());
        ((Period)Year2024).ToString().ShouldBe(Year2024.ToString());
    }

    [Theory]
    [InlineData("2025/03", PeriodKind.Month, "2025-03")]
    [InlineData("2024-25 Q4", PeriodKind.Quarter, "2024-25Q4")]
    [InlineData("2024/25", PeriodKind.Year, "2024-25")]
    [InlineData("202425", PeriodKind.Year, "2024-25")] // the EES time_period form
    [InlineData("2011-12", PeriodKind.Month, "2011-12")] // a month first: December 2011, as the measures file reads it
    [InlineData("201112", PeriodKind.Year, "2011-12")] // the financial year 2011-12 written unambiguously
    public void TryParse_AcceptsWhatEachPartAccepts(string text, PeriodKind kind, string canonical)
    {
        Period.TryParse(text, out var p).ShouldBeTrue();

        (p.Kind, p.ToString()).ShouldBe((kind, canonical));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2025-13")]
    [InlineData("2024-26")] // not consecutive years
    [InlineData("2024-25Q5")]
    [InlineData("March 2025")]
    public void TryParse_RefusesAnythingElse(string? text)
    {
        Period.TryParse(text, out _).ShouldBeFalse();
        if (text is not null)
        {
            Should.Throw<FormatException>(() => Period.Parse(text));
        }
    }
}
