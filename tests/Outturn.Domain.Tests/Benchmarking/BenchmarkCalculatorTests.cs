using Outturn.Domain.Benchmarking;
using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;

namespace Outturn.Domain.Tests.Benchmarking;

public class BenchmarkCalculatorTests
{
    private static readonly FinancialYear Year = new(2024);
    private static readonly LocalAuthority Us = new("100", "Ourtown", regionCode: "E12000003", regionName: "Yorkshire and The Humber");

    // Neighbours 101-110, closest first. 103 is suppressed, 106 not applicable and 110 has no row at all.
    private static readonly (string Code, string? Value)[] NeighbourValues =
    [
        ("101", "20"), ("102", "18"), ("103", "c"), ("104", "25"), ("105", "18"),
        ("106", "z"), ("107", "30"), ("108", "16"), ("109", "21"), ("110", null),
    ];

    private static YearFigures Figures(FinancialYear year, string ourValue, params (string Code, string? Value)[] others)
    {
        var authorities = new List<AuthorityFigure> { Figure(Us, ourValue) };
        authorities.AddRange(others.Where(o => o.Value is not null)
            .Select(o => Figure(new LocalAuthority(o.Code, "LA " + o.Code, regionCode: "E12000003"), o.Value!)));
        return new YearFigures(year, PublishedValue.Of(22.6m),
            [new RegionFigure("E12000003", "Yorkshire and The Humber", PublishedValue.Of(23.1m)), new RegionFigure("E12000001", "North East", PublishedValue.Of(20.7m))],
            authorities);
    }

    private static AuthorityFigure Figure(LocalAuthority la, string text) =>
        new(la, PublishedValue.TryParse(text, out var v) ? v : throw new ArgumentException(text));

    private static NeighbourSelection Group()
    {
        var group = new NeighbourGroup("100", "Ourtown", NeighbourValues.Select(n => new Neighbour(n.Code, "Close")).ToArray());
        var model = new NeighbourModel("2025", new FinancialYear(2024), [group]);
        return model.Select("100", [])!;
    }

    private static AuthorityBenchmark Compute(Polarity polarity, NeighbourAverage method = NeighbourAverage.Mean, string ourValue = "19.6") =>
        BenchmarkCalculator.Compute("rereferrals-12m", polarity, Us, Figures(Year, ourValue, NeighbourValues),
            Figures(Year.Previous(), "17.7"), Group(), method);

    [Fact]
    public void Compute_LeavesSuppressedAndMissingNeighboursOutOfTheMean_AndCountsThem()
    {
        var n = Compute(Polarity.Low).Neighbours!;

        // 20 + 18 + 25 + 18 + 30 + 16 + 21 = 148 over the 7 neighbours with a number
        n.Average.ShouldBe(148m / 7);
        n.Used.ShouldBe(7);
        n.Total.ShouldBe(10);
        n.Figures.Where(f => !f.IsUsed).Select(f => (f.Code, f.Value?.ToString())).ShouldBe([("103", "c"), ("106", "z"), ("110", null)]);
    }

    [Fact]
    public void Compute_Median_TakesTheMiddleOfTheNeighboursWithANumber()
    {
        // sorted 16, 18, 18, 20, 21, 25, 30: the fourth
        Compute(Polarity.Low, NeighbourAverage.Median).Neighbours!.Average.ShouldBe(20m);
    }

    [Fact]
    public void Compute_BestNeighbour_FollowsPolarity_AndNamesTheAuthority()
    {
        Compute(Polarity.Low).Neighbours!.Best!.Code.ShouldBe("108");
        Compute(Polarity.High).Neighbours!.Best!.Name.ShouldBe("LA 107");
        Compute(Polarity.None).Neighbours!.Best.ShouldBeNull();
    }

    [Fact]
    public void Compute_BestNeighbourTie_GoesToTheCloserNeighbour()
    {
        // 102 and 105 both publish 18; with 108 removed 18 is the lowest, and 102 is listed first.
        var values = NeighbourValues.Select(n => n.Code == "108" ? (n.Code, "c") : n).ToArray();
        var result = BenchmarkCalculator.Compute("x", Polarity.Low, Us, Figures(Year, "19.6", values), null, Group());

        result.Neighbours!.Best!.Code.ShouldBe("102");
    }

    [Fact]
    public void Compute_NationalAndRegional_AreThePublishedRowsNotAverages()
    {
        var result = Compute(Polarity.Low);

        result.National!.Number.ShouldBe(22.6m);
        result.Regional!.Name.ShouldBe("Yorkshire and The Humber");
        result.Regional.Value.Number.ShouldBe(23.1m);
    }

    [Fact]
    public void Compute_Standing_RanksAmongAuthoritiesWithANumber()
    {
        // Authorities with numbers: 19.6 (us), 20, 18, 25, 18, 30, 16, 21: eight values
        var standing = Compute(Polarity.Low).Standing!;

        standing.Ranked.ShouldBe(8);
        standing.Rank.ShouldBe(4); // 16, 18, 18 are lower
        standing.Quartiles.Lower.ShouldBe(18m); // sorted 16 18 18 19.6 20 21 25 30; h = 1.75 gives 18
        standing.TopQuartileThreshold.ShouldBe(18m);
        standing.Band.ShouldBe(QuartileBand.B); // (18, 19.8]
    }

    [Fact]
    public void Compute_OwnValueSuppressed_GivesNoBandRankOrChange()
    {
        var result = Compute(Polarity.Low, ourValue: "c");

        result.Value!.Marker.ShouldBe(SuppressionMarker.Confidential);
        result.Standing!.Band.ShouldBeNull();
        result.Standing.Rank.ShouldBeNull();
        result.YearOnYear.Change.ShouldBeNull();
        result.ToBenchmark().StatNeighbourAverage.ShouldBe(148m / 7);
    }

    [Theory]
    [InlineData("Low", "Up", false)] // re-referrals rising is worse
    [InlineData("High", "Up", true)]
    [InlineData("None", "Up", null)]
    public void Compute_ChangeFromPreviousYear_IsJudgedByPolarity(string polarity, string direction, bool? improving)
    {
        var change = Compute(Enum.Parse<Polarity>(polarity)).YearOnYear;

        change.Change.ShouldBe(1.9m); // 19.6 - 17.7
        change.PreviousYear.ShouldBe(new FinancialYear(2023));
        change.Travel!.Value.Direction.ShouldBe(Enum.Parse<Direction>(direction));
        change.Travel.Value.Improving.ShouldBe(improving);
    }

    [Fact]
    public void Compute_PreviousFiguresForAnotherYear_AreRefused() =>
        Should.Throw<ArgumentException>(() => BenchmarkCalculator.Compute("x", Polarity.Low, Us,
            Figures(Year, "1"), Figures(new FinancialYear(2020), "1"), null));

    [Fact]
    public void ToBenchmark_FillsTheScorecardColumns()
    {
        var b = Compute(Polarity.Low).ToBenchmark();

        (b.IndicatorId, b.Year, b.StatNeighbourAverage, b.BestStatNeighbour, b.National, b.Regional, b.TopQuartile)
            .ShouldBe(("rereferrals-12m", Year, 148m / 7, 16m, 22.6m, 23.1m, 18m));
    }

    [Fact]
    public void Compute_AJointReturn_CountsOnceAmongAuthorities_ButGivesEachAuthorityItsValue()
    {
        const string Joint = "LA 101 / LA 102";
        var year = new YearFigures(Year, PublishedValue.Of(15m), [],
        [
            new AuthorityFigure(Us, PublishedValue.Of(12m)),
            new AuthorityFigure(new LocalAuthority("101", "LA 101"), PublishedValue.Of(14m), Joint),
            new AuthorityFigure(new LocalAuthority("102", "LA 102"), PublishedValue.Of(14m), Joint),
            new AuthorityFigure(new LocalAuthority("103", "LA 103"), PublishedValue.Of(18m)),
        ]);
        var group = new NeighbourGroup("100", "Ourtown", [new Neighbour("101", null), new Neighbour("102", null), new Neighbour("103", null)]);

        var result = BenchmarkCalculator.Compute("sw-caseload", Polarity.Low, Us, year, null,
            new NeighbourModel("2025", Year, [group]).Select("100", []));

        year.AuthorityNumbers().ShouldBe([12m, 14m, 18m], ignoreOrder: true);
        result.Standing!.Ranked.ShouldBe(3);
        result.Neighbours!.Figures.Select(f => f.JointReturn).ShouldBe([Joint, Joint, null]);
        result.Neighbours.Average.ShouldBe((14m + 14m + 18m) / 3); // each neighbour is its own comparator
    }
}
