using Outturn.Domain.Indicators;
using Outturn.Domain.Periods;
using Outturn.Domain.Scorecards;
using Outturn.Formats.Scorecards;
using Outturn.Testing;

namespace Outturn.Formats.Tests.Scorecards;

/// <summary>
/// The four rows of the 2024/25 outturn scorecard in seed 002, computed from samples/seed-scorecard,
/// must read exactly as the seed: figures, direction of travel and RAG (the seed's "Yellow" is our Amber).
/// </summary>
public class SeedScorecardTests
{
    private static readonly Scorecard Seed = ScorecardCalculator.Compute(
        ScorecardFiles.Read(
            RepoPaths.InRepo("samples", "seed-scorecard", "catalogue.csv"),
            RepoPaths.InRepo("samples", "seed-scorecard", "targets.csv"),
            RepoPaths.InRepo("samples", "seed-scorecard", "measures.csv"),
            RepoPaths.InRepo("samples", "seed-scorecard", "benchmarks.csv")),
        Month.Parse("2025-03"));

    public static TheoryData<string, string[], string, string, string, Direction, Rag, Direction, Rag, string> Rows => new()
    {
        // id, Jan-Mar, Q4, outturn, good perf is, DOT month, RAG month, DOT year, RAG year, 2023/24
        { "assess-45wd", ["91.4%", "89.1%", "94.8%"], "92.1%", "92.5%", "high", Direction.Up, Rag.Green, Direction.Up, Rag.Green, "88.2%" },
        { "s47-rate", ["217.9", "220.0", "221.2"], "221.2", "221.2", "low", Direction.Up, Rag.Green, Direction.Up, Rag.Green, "194.8" },
        { "cin-rate", ["315.9", "316.7", "310.7"], "310.7", "310.7", "low", Direction.Down, Rag.Green, Direction.Down, Rag.Green, "316.8" },
        { "icpc-15wd", ["79.4%", "100.0%", "89.2%"], "88.5%", "80.0%", "high", Direction.Down, Rag.Green, Direction.Down, Rag.Amber, "84.8%" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void SeedRow_ReadsAsTheSeedScorecard(string id, string[] months, string quarter, string outturn, string goodIs,
        Direction dotMonth, Rag ragMonth, Direction dotYear, Rag ragYear, string previousYear)
    {
        var row = Seed.Rows.Single(r => r.Indicator.Id == id);
        var i = row.Indicator;

        row.Months.Select(m => Display.Value(m.Value, i)).ShouldBe(months);
        Display.Value(row.Quarter.Value, i).ShouldBe(quarter);
        Display.Value(row.Year.Value, i).ShouldBe(outturn);
        Display.Polarity(i.Polarity).ShouldBe(goodIs);
        row.DirectionMonth!.Value.Direction.ShouldBe(dotMonth);
        row.RagMonth.ShouldBe(ragMonth);
        row.DirectionYear!.Value.Direction.ShouldBe(dotYear);
        row.RagYear.ShouldBe(ragYear);
        Display.Value(row.PreviousYear.Value, i).ShouldBe(previousYear);
    }

    [Theory]
    [InlineData("assess-45wd", "<82%", "82%+", "90%+")]
    [InlineData("s47-rate", "227.1+", "-", "<227.1")]
    [InlineData("cin-rate", "375.5+", "-", "<375.5")]
    [InlineData("icpc-15wd", "<78%", "78%+", "86%+")]
    public void SeedRow_ShowsTargetsAndTolerancesInTheSeedsNotation(string id, string red, string amber, string green)
    {
        var row = Seed.Rows.Single(r => r.Indicator.Id == id);

        Display.Bands(row.Target, row.Indicator).ShouldBe((red, amber, green));
    }

    [Fact]
    public void SeedRows_CarryTheLatestBenchmarking()
    {
        var icpc = Seed.Rows.Single(r => r.Indicator.Id == "icpc-15wd").Benchmarks!;

        icpc.Year.ToString().ShouldBe("2023-24");
        (icpc.StatNeighbourAverage, icpc.BestStatNeighbour, icpc.National, icpc.Regional, icpc.TopQuartile).ShouldBe((85.0m, 100.0m, 79.7m, 83.2m, 88.5m));
    }

    [Fact]
    public void SeedArrows_AreJudgedByPolarity()
    {
        // Up on a low-is-good rate is a deterioration even while it stays Green (the seed's second row).
        Seed.Rows.Single(r => r.Indicator.Id == "s47-rate").DirectionMonth!.Value.Improving.ShouldBe(false);
        Seed.Rows.Single(r => r.Indicator.Id == "cin-rate").DirectionYear!.Value.Improving.ShouldBe(true);
        Seed.Rows.Single(r => r.Indicator.Id == "icpc-15wd").DirectionYear!.Value.Improving.ShouldBe(false);
    }

    [Fact]
    public void Json_MatchesTheExpectedFile() => Snapshot.Match(ScorecardJson.ToText(Seed), "seed-scorecard.json");

    [Fact]
    public void Csv_MatchesTheExpectedFile() => Snapshot.Match(ScorecardCsv.ToText(Seed), "seed-scorecard.csv");

    [Fact]
    public void Html_MatchesTheExpectedFile() => Snapshot.Match(ScorecardHtml.Render(Seed), "seed-scorecard.html");

    [Fact]
    public void Xlsx_MatchesTheExpectedGrid()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.Write(Seed, stream);
        stream.Position = 0;

        Snapshot.Match(Xlsx.XlsxGrid.Describe(stream), "seed-scorecard.xlsx.txt");
    }

    [Fact]
    public void Xlsx_IsAValidWorkbook()
    {
        using var stream = new MemoryStream();
        ScorecardXlsx.Write(Seed, stream);
        stream.Position = 0;
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        errors.ShouldBeEmpty();
    }
}
