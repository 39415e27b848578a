using System.Text.Json;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class ScorecardBenchmarksTests
{
    [Fact]
    public void Scorecard_WithOurAuthority_FillsTheBenchmarkColumnsOfMappedIndicatorsFromPublishedStatistics()
    {
        var (exit, output, error) = CliRun.Of("scorecard", "--demo", "--la", "Rotherham", "--published", PublishedFolder.Path, "--format", "json");

        (exit, error).ShouldBe((0, ""));
        var rows = JsonDocument.Parse(output).RootElement.GetProperty("rows").EnumerateArray()
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("benchmarks"));
        // cin-rate is mapped: the 2024-25 published figures replace the sample's 2023-24 ones as the latest.
        var cin = rows["cin-rate"];
        cin.GetProperty("year").GetString().ShouldBe("2024-25");
        cin.GetProperty("national").GetDecimal().ShouldBe(330.3m); // 402,400 / 12,183,016 x 10,000
        cin.GetProperty("regional").GetDecimal().ShouldBe(341.3m);
        // s47-rate is mapped to LAIT's Section_47 (the catalogue's benchmark_measure): 2024-25 from LAIT.
        rows["s47-rate"].GetProperty("year").GetString().ShouldBe("2024-25");
        rows["s47-rate"].GetProperty("national").GetDecimal().ShouldBe(189.3m);
    }

    [Fact]
    public void Scorecard_WithOurAuthority_Table()
    {
        var (exit, output, error) = CliRun.Of("scorecard", "--demo", "--la", "372", "--published", PublishedFolder.Path);

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Scorecard.Demo.Rotherham.txt");
    }

    [Fact]
    public void Scorecard_WithAnUnknownAuthority_ListsCloseMatches()
    {
        var (exit, _, error) = CliRun.Of("scorecard", "--demo", "--la", "Rotherhm", "--published", PublishedFolder.Path);

        exit.ShouldBe(OutturnCli.LookupErrorExit);
        error.ShouldContain("Did you mean: Rotherham (372)?");
    }
}
