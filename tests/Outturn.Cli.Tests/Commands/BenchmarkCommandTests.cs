using System.Text.Json;
using Outturn.Testing;

namespace Outturn.Cli.Tests.Commands;

public class BenchmarkCommandTests
{
    private static CliRun Benchmark(params string[] args) => CliRun.Of(["benchmark", .. args, "--published", PublishedFolder.Path]);

    [Fact]
    public void Benchmark_OneIndicator_PrintsTheBlockAndTheNeighbours()
    {
        var (exit, output, error) = Benchmark("--la", "Rotherham", "--indicator", "rereferrals-12m", "--year", "2024-25");

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Benchmark.Rotherham.rereferrals-12m.txt");
    }

    [Fact]
    public void Benchmark_Json_IsTheMachineForm()
    {
        var (exit, output, error) = Benchmark("--la", "372", "--indicator", "rereferrals-12m", "--year", "2024-25", "--format", "json");

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Benchmark.Rotherham.rereferrals-12m.json");
    }

    [Fact]
    public void Benchmark_All_CoversEveryMappedIndicator()
    {
        var (exit, output, error) = Benchmark("--la", "Rotherham", "--all", "--year", "2024-25");

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Benchmark.Rotherham.all.txt");
    }

    [Fact]
    public void Benchmark_All_Json_HasOneBlockPerIndicatorWithSuppressedValuesAsMarkers()
    {
        var (exit, output, error) = Benchmark("--la", "Rotherham", "--all", "--year", "2024-25", "--format", "json");

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Benchmark.Rotherham.all.json");
    }

    [Fact]
    public void Benchmark_AnAuthorityWithoutAGroupInTheModel_UsesItsPredecessorsAndSaysSo()
    {
        var (exit, output, error) = Benchmark("--la", "Cumberland", "--indicator", "placements-3plus", "--year", "2023-24", "--average", "median");

        (exit, error).ShouldBe((0, ""));
        Snapshot.Match(output, "Benchmark.Cumberland.placements-3plus.txt");
    }

    [Fact]
    public void Benchmark_All_ForAYearOnlyTheWorkforceCensusHas_ListsTheOthersAsNotPublished()
    {
        var (exit, output, _) = Benchmark("--la", "Rotherham", "--all", "--year", "2025-26", "-f", "json");

        exit.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("benchmarks").EnumerateArray().Select(b => b.GetProperty("indicator").GetString()).ShouldBe(["sw-turnover", "sw-agency", "sw-caseload"]);
        root.GetProperty("notPublished").GetArrayLength().ShouldBe(12);
    }

    [Fact]
    public void Help_MatchesTheExpectedFile()
    {
        var run = CliRun.Of("benchmark", "--help");

        run.ExitCode.ShouldBe(0);
        Snapshot.Match(run.Output, "Benchmark.help.txt");
    }

    [Fact]
    public void Benchmark_UnknownAuthority_ListsCloseMatches()
    {
        var (exit, output, error) = Benchmark("--la", "Rotheram", "--indicator", "rereferrals-12m");

        exit.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldBe("There is no local authority 'Rotheram' in the published statistics. Did you mean: Rotherham (372)?\n");
    }

    [Fact]
    public void Benchmark_YearNotPublished_ListsThePublishedYears()
    {
        var (exit, _, error) = Benchmark("--la", "Rotherham", "--indicator", "cla-rate", "--year", "2019-20");

        exit.ShouldBe(1);
        error.ShouldBe("There is no cla-rate figure for 2019-20 in cla_number_and_rate_per_10k_children.csv. "
            + "Published years are 2020-21 to 2024-25; the closest: 2020-21; 2021-22; 2022-23?\n");
    }

    [Fact]
    public void Benchmark_NeitherIndicatorNorAll_SaysWhatToGive()
    {
        var (exit, _, error) = Benchmark("--la", "Rotherham");

        exit.ShouldBe(1);
        error.ShouldContain("Give --indicator ID for one indicator, --all for every mapped indicator, or --topic NAME");
    }

    [Fact]
    public void Benchmark_WithoutPublished_ReadsTheFilesShippedWithTheApp()
    {
        var shipped = CliRun.Of("benchmark", "--la", "Rotherham", "-i", "rereferrals-12m", "--year", "2024-25", "-f", "json");
        var given = Benchmark("--la", "Rotherham", "-i", "rereferrals-12m", "--year", "2024-25", "-f", "json");

        shipped.ExitCode.ShouldBe(0, shipped.Error);
        shipped.Output.ShouldBe(given.Output);
    }

    [Fact]
    public void Benchmark_MissingPublishedFolder_IsAnInputError()
    {
        var run = CliRun.Of("benchmark", "--la", "Rotherham", "--all", "--published", "/nonexistent/published");

        run.ExitCode.ShouldBe(OutturnCli.InputErrorExit);
        run.Error.ShouldContain("/nonexistent/published: the folder of published statistics does not exist");
    }

    [Fact]
    public void Benchmark_SnModel_OverridesTheModelChosenForTheYear()
    {
        var (exit, output, _) = Benchmark("--la", "Rotherham", "-i", "rereferrals-12m", "--year", "2024-25", "--sn-model", "2021", "-f", "json");

        exit.ShouldBe(0);
        var neighbours = JsonDocument.Parse(output).RootElement.GetProperty("benchmarks")[0].GetProperty("neighbours");
        neighbours.GetProperty("model").GetString().ShouldBe("April 2021");
        neighbours.GetProperty("figures")[0].GetProperty("name").GetString().ShouldNotBe("Barnsley"); // Barnsley leads the 2025 group
    }

    [Fact]
    public void Benchmark_WithoutAYear_UsesEachIndicatorsLatestPublishedYear()
    {
        var (exit, output, _) = Benchmark("--la", "Rotherham", "-i", "sw-caseload", "-f", "json");

        exit.ShouldBe(0);
        // the workforce census of 30 September 2025 is the latest, in 2025-26
        JsonDocument.Parse(output).RootElement.GetProperty("benchmarks")[0].GetProperty("year").GetString().ShouldBe("2025-26");
    }

    [Fact]
    public void Benchmark_ABadMeasuresFile_IsAnInputErrorNamingRowAndColumn()
    {
        var path = Path.Combine(Path.GetTempPath(), $"measures-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "id,name,role,file,value_column,filters,polarity,unit,decimals,as_at,per_10000_of\nx,X,benchmark,c1*.csv,v,,up,percent,1,03-31,\n");
        try
        {
            var (exit, _, error) = Benchmark("--la", "Rotherham", "--all", "--measures", path);

            exit.ShouldBe(OutturnCli.InputErrorExit);
            error.ShouldContain("row 2, column 'polarity': 'up' is not one of high, low, none.");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
